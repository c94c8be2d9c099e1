#!/usr/bin/env bash
# Samples the resident memory of this machine's olmp JVMs (the driver, Spark executors, the
# standalone master and workers) every second until stopped, and keeps each one's peak (the
# kernel's VmHWM, which also covers the moments between samples).
#   submit/peak-rss.sh OUT.tsv &   ...run something...   kill %1
# OUT.tsv: pid, role, peak RSS in MiB; rewritten after every sample. OUT.tsv.series: one line per
# process every sample (time, pid, role, current and peak RSS in MiB), to read a phase's peak.
set -euo pipefail
out="${1:?usage: submit/peak-rss.sh OUT.tsv}"
declare -A peak role
write() {
  { printf 'pid\trole\tpeak_rss_mib\n'
    for pid in "${!peak[@]}"; do printf '%s\t%s\t%s\n' "$pid" "${role[$pid]}" "$((peak[$pid] / 1024))"; done
  } > "$out.tmp" && mv "$out.tmp" "$out"
}
trap 'write; exit 0' TERM INT
while true; do
  for status in /proc/[0-9]*/status; do
    pid="${status#/proc/}"; pid="${pid%/status}"
    cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
    case "$cmd" in
      *CoarseGrainedExecutorBackend*) r=executor ;;
      *SparkSubmit*|*io.olmp.cli.Main*) r=driver ;;
      *deploy.worker.Worker*) r=worker ;;
      *deploy.master.Master*) r=master ;;
      *) continue ;;
    esac
    hwm=$(awk '/^VmHWM/ {print $2}' "$status" 2>/dev/null) || continue
    [[ -n "$hwm" ]] || continue
    rss=$(awk '/^VmRSS/ {print $2}' "$status" 2>/dev/null) || continue
    role[$pid]=$r
    if (( hwm > ${peak[$pid]:-0} )); then peak[$pid]=$hwm; fi
    printf '%(%H:%M:%S)T\t%s\t%s\t%s\t%s\n' -1 "$pid" "$r" "$((rss / 1024))" "$((hwm / 1024))" >> "$out.series"
  done
  write
  sleep 1
done

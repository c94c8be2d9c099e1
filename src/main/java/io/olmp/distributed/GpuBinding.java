package io.olmp.distributed;

import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Optional;

/**
 * Binds the ND4J device of a task thread to the GPU Spark assigned to the task
 * ({@code spark.task.resource.gpu.amount=1}; the address comes from
 * {@code TaskContext.get().resources()}). Without a GPU resource (CPU clusters, local mode) it
 * does nothing.
 */
public final class GpuBinding {

    public static final String RESOURCE = "gpu";

    private GpuBinding() {}

    /** The device index of the first GPU address in a task's resources, if any. */
    public static Optional<Integer> device(Map<String, ResourceInformation> resources) {
        ResourceInformation gpu = resources.get(RESOURCE);
        if (gpu == null || gpu.addresses().length == 0) {
            return Optional.empty();
        }
        String address = gpu.addresses()[0];
        try {
            return Optional.of(Integer.parseInt(address.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("GPU address '" + address + "' from the discovery script is not a device"
                    + " index; submit/gpu-discovery.sh must print indices such as \"0\"", e);
        }
    }

    /** Binds this thread to the task's GPU; returns the device bound, if any. */
    public static Optional<Integer> bindCurrentTask() {
        TaskContext task = TaskContext.get();
        if (task == null) {
            return Optional.empty();
        }
        Optional<Integer> device = device(task.resourcesJMap());
        device.ifPresent(d -> Nd4j.getAffinityManager().unsafeSetDevice(d));
        return device;
    }
}

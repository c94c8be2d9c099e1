package io.olmp.notebooks

import java.io.{PrintWriter, StringWriter}
import java.nio.file.{Files, Path, Paths}

import scala.collection.JavaConverters._
import scala.tools.nsc.Settings
import scala.tools.nsc.interpreter.{IMain, Results}

import com.fasterxml.jackson.databind.{JsonNode, ObjectMapper}
import io.olmp.report.{QuickstartTablesFixture, RunTables}
import org.apache.spark.sql.SparkSession
import org.scalatest.BeforeAndAfterAll
import org.scalatest.funsuite.AnyFunSuite

/**
 * Runs every paragraph of every Zeppelin note in notebooks/ against the tables of a real
 * quickstart run, as Zeppelin's Spark interpreter would: `%spark` paragraphs in a Scala 2.12
 * interpreter with `spark` bound to the session (one interpreter per note, paragraphs in order),
 * `%spark.sql` paragraphs through `spark.sql` after replacing each dynamic form `${name=default}`
 * (or note-wide form `$${name=default}`) by its default. The note's `val runDir = "..."` is pointed at the
 * run. Any paragraph error fails. Every chart's keys, groups and values must name a column of its query's
 * result at that column's position, as Zeppelin requires to draw it.
 */
class NotebooksSuite extends AnyFunSuite with BeforeAndAfterAll {

  private val NotesDir = Paths.get("notebooks")
  private val RunDirLine = """val runDir = "[^"]*"""".r
  private val Form = """\$\$?\{([^}=]+)(?:=([^},]*))?[^}]*\}""".r

  private var spark: SparkSession = _
  private var run: Path = _

  override def beforeAll(): Unit = {
    run = QuickstartTablesFixture.run().toAbsolutePath
    spark = RunTables.localSession()
  }

  override def afterAll(): Unit = if (spark != null) spark.stop()

  private val notes: Seq[Path] = {
    val walk = Files.walk(NotesDir)
    try walk.iterator().asScala.filter(_.toString.endsWith(".zpln")).toList.sortBy(_.toString)
    finally walk.close()
  }

  test("the notes are the run overview, generation curves, per-layer sparsity and candidate explorer") {
    val names = notes.map(n => read(n).path("name").asText())
    assert(names == Seq("OLMP/1. Run overview", "OLMP/2. Generation curves", "OLMP/3. Per-layer sparsity",
      "OLMP/4. Candidate explorer"))
  }

  test("the harness reports a failing paragraph: a Scala error, and a query of a missing column") {
    val interpreter = scalaInterpreter()
    try {
      assert(interpreter.run("""spark.range(3).count()""")._1 == Results.Success)
      val (result, output) = interpreter.run("""spark.table("olmp_no_such_view").count()""")
      assert(result != Results.Success && output.contains("olmp_no_such_view"), output)
      assert(interpreter.run("""val n: Int = "text"""")._1 != Results.Success)
    } finally interpreter.close()
    intercept[org.apache.spark.sql.AnalysisException](spark.sql("SELECT no_such_column FROM range(1)").collect())
  }

  for (note <- notes) {
    test(s"every paragraph of ${NotesDir.relativize(note)} runs against a real run's tables") {
      val doc = read(note)
      for (field <- Seq("paragraphs", "name", "id", "config", "info")) {
        assert(doc.has(field), s"$note: a Zeppelin note needs '$field'")
      }
      val paragraphs = doc.get("paragraphs").elements().asScala.toList
      val runDirLines = paragraphs.map(p => RunDirLine.findAllIn(p.path("text").asText()).size).sum
      assert(runDirLines == 1, s"""$note: expected exactly one `val runDir = "..."` line, found $runDirLines""")

      val interpreter = scalaInterpreter()
      try {
        for ((p, i) <- paragraphs.zipWithIndex) {
          val title = s"$note paragraph ${i + 1} '${p.path("title").asText()}'"
          for (field <- Seq("text", "config", "id")) assert(p.has(field), s"$title: missing '$field'")
          val text = p.get("text").asText()
          val (kind, body) = text.span(_ != '\n')
          kind.trim match {
            case "%spark" =>
              val code = RunDirLine.replaceAllIn(body, java.util.regex.Matcher.quoteReplacement(
                s"""val runDir = "$run""""))
              val (result, output) = interpreter.run(code)
              assert(result == Results.Success, s"$title failed:\n$output")
            case "%spark.sql" =>
              val query = withFormDefaults(body, title)
              val rows = try spark.sql(query).collect() catch {
                case e: Exception => fail(s"$title failed: ${e.getMessage}\n$query", e)
              }
              if (!title.contains("Failed")) assert(rows.nonEmpty, s"$title returned no rows from a real run:\n$query")
            case other => fail(s"$title: interpreter '$other'; the notes use only %spark and %spark.sql")
          }
        }
      } finally interpreter.close()
    }
  }

  for (note <- notes) {
    test(s"every chart of ${NotesDir.relativize(note)} names its query's columns at their positions") {
      runOverviewViews()
      val problems = for {
        p <- read(note).get("paragraphs").elements().asScala.toList
        text = p.path("text").asText() if text.startsWith("%spark.sql")
        graph = p.path("config").path("results").path("0").path("graph")
        mode = graph.path("mode").asText("table") if mode != "table"
        title = s"'${p.path("title").asText()}' ($mode)"
        problem <- chartProblems(title, graph, spark.sql(withFormDefaults(text.dropWhile(_ != '\n'), title))
          .schema.fieldNames.toSeq)
      } yield problem
      assert(problems.isEmpty, s"$note:\n" + problems.mkString("\n"))
    }
  }

  test("the chart check names a column at the wrong index, a missing column and an empty chart") {
    val graph = new ObjectMapper().readTree(
      """{"keys": [{"name": "loop", "index": 0}], "values": [{"name": "ratio", "index": 0}, {"name": "gone", "index": 2}]}""")
    assert(chartProblems("t", graph, Seq("loop", "ratio", "x")) == Seq(
      "t: values 'ratio' at index 0, but column 0 is 'loop' (columns: loop, ratio, x)",
      "t: values 'gone' at index 2, but column 2 is 'x' (columns: loop, ratio, x)"))
    assert(chartProblems("t", new ObjectMapper().readTree("{}"), Seq("a")) ==
      Seq("t: a chart needs at least one key and one value"))
  }

  /** Zeppelin draws a key, group or value only when its name and its column index both match the result. */
  private def chartProblems(title: String, graph: JsonNode, columns: Seq[String]): Seq[String] = {
    val scatter = graph.path("setting").path("scatterChart")
    val named = for {
      role <- Seq("keys", "groups", "values")
      column <- graph.path(role).elements().asScala.toSeq
    } yield (role, column)
    val axes = Seq("xAxis", "yAxis").filter(scatter.has).map(axis => (axis, scatter.get(axis)))
    val empty = if (graph.path("keys").size() == 0 || graph.path("values").size() == 0)
      Seq(s"$title: a chart needs at least one key and one value") else Nil
    empty ++ (named ++ axes).flatMap { case (role, column) =>
      val name = column.path("name").asText()
      val index = column.path("index").asInt(-1)
      if (columns.lift(index).contains(name)) None
      else Some(s"$title: $role '$name' at index $index, but column $index is " +
        columns.lift(index).map(c => s"'$c'").getOrElse("missing") + s" (columns: ${columns.mkString(", ")})")
    }
  }

  /** The temp views the first paragraph of every note makes, for checking charts without running the Scala. */
  private def runOverviewViews(): Unit =
    for (table <- Seq("runs", "loops", "generations", "candidates", "layers"))
      spark.read.parquet(s"$run/tables/$table").createOrReplaceTempView(s"olmp_$table")

  private def read(note: Path): JsonNode = new ObjectMapper().readTree(note.toFile)

  private def withFormDefaults(sql: String, title: String): String =
    Form.replaceAllIn(sql, m => Option(m.group(2)) match {
      case Some(default) if default.nonEmpty => java.util.regex.Matcher.quoteReplacement(default)
      case _ => fail(s"$title: dynamic form '${m.group(1)}' has no default")
    })

  /** A Scala interpreter with `spark` bound, like Zeppelin's %spark; returns each paragraph's result and output. */
  private final class ScalaInterpreter {
    private val output = new StringWriter()
    private val settings = new Settings()
    settings.usejavacp.value = true
    private val imain = new IMain(settings, new PrintWriter(output))
    require(imain.bind("spark", "org.apache.spark.sql.SparkSession", spark) == Results.Success,
      s"binding spark failed: $output")

    def run(code: String): (Results.Result, String) = {
      output.getBuffer.setLength(0)
      val result = Console.withOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream())) {
        imain.interpret(code)
      }
      (result, output.toString)
    }

    def close(): Unit = imain.close()
  }

  private def scalaInterpreter() = new ScalaInterpreter
}

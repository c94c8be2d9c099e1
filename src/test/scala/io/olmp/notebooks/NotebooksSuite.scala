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
 * by its default. The note's `val runDir = "..."` is pointed at the run. Any paragraph error fails.
 */
class NotebooksSuite extends AnyFunSuite with BeforeAndAfterAll {

  private val NotesDir = Paths.get("notebooks")
  private val RunDirLine = """val runDir = "[^"]*"""".r
  private val Form = """\$\{([^}=]+)(?:=([^},]*))?[^}]*\}""".r

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

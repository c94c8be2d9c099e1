package io.olmp.report;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * The schemas of the run tables, in one place (docs/tables.md, Run tables, documents
 * each column). Every table starts with {@code run_id}. Written and read with these schemas,
 * never inferred.
 */
public final class TableSchemas {

    public static final String RUNS = "runs";
    public static final String LOOPS = "loops";
    public static final String GENERATIONS = "generations";
    public static final String CANDIDATES = "candidates";
    public static final String LAYERS = "layers";

    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
    private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);
    private static final DataType STRING_MAP = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false);

    public static final StructType RUNS_SCHEMA = schema(
            required("run_id", DataTypes.StringType),
            required("method", DataTypes.StringType),
            required("architecture", DataTypes.StringType),
            required("data_source", DataTypes.StringType),
            required("seed", DataTypes.LongType),
            required("config", DataTypes.StringType),
            required("data_checksums", STRING_MAP),
            required("versions", STRING_MAP),
            required("started_at", DataTypes.TimestampType),
            optional("ended_at", DataTypes.TimestampType),
            required("status", DataTypes.StringType),
            required("updated_at", DataTypes.TimestampType),
            optional("delivered_loop", DataTypes.IntegerType));

    public static final StructType LOOPS_SCHEMA = schema(
            required("run_id", DataTypes.StringType),
            required("loop", DataTypes.IntegerType),
            required("sigma", DataTypes.DoubleType),
            required("generations", DataTypes.IntegerType),
            required("evaluations", DataTypes.LongType),
            required("layer_names", STRINGS),
            required("thresholds", DOUBLES),
            required("kept", DataTypes.LongType),
            required("size", DataTypes.LongType),
            required("compression_ratio", DataTypes.DoubleType),
            required("loop_start_validation", DataTypes.DoubleType),
            required("validation_before_adjust", DataTypes.DoubleType),
            required("test_before_adjust", DataTypes.DoubleType),
            required("validation_after_adjust", DataTypes.DoubleType),
            required("test_after_adjust", DataTypes.DoubleType),
            required("feasible_found", DataTypes.BooleanType),
            required("search_wall_seconds", DataTypes.DoubleType),
            required("search_cpu_seconds", DataTypes.DoubleType),
            required("adjust_wall_seconds", DataTypes.DoubleType),
            required("adjust_cpu_seconds", DataTypes.DoubleType));

    public static final StructType GENERATIONS_SCHEMA = schema(
            required("run_id", DataTypes.StringType),
            required("loop", DataTypes.IntegerType),
            required("generation", DataTypes.IntegerType),
            required("evaluations", DataTypes.LongType),
            required("best_fitness", DataTypes.DoubleType),
            required("mean_fitness", DataTypes.DoubleType),
            required("evaluated", DataTypes.IntegerType),
            required("feasible", DataTypes.IntegerType),
            required("accepted", DataTypes.IntegerType),
            required("failed", DataTypes.IntegerType),
            required("sigma_min", DataTypes.DoubleType),
            required("sigma_max", DataTypes.DoubleType),
            required("wall_seconds", DataTypes.DoubleType),
            required("cpu_seconds", DataTypes.DoubleType));

    // a failed candidate has no counts: those columns are nullable
    public static final StructType CANDIDATES_SCHEMA = schema(
            required("run_id", DataTypes.StringType),
            required("loop", DataTypes.IntegerType),
            required("generation", DataTypes.IntegerType),
            required("candidate", DataTypes.IntegerType),
            required("x", DOUBLES),
            required("thresholds", DOUBLES),
            optional("kept", DataTypes.LongType),
            optional("kept_fraction", DataTypes.DoubleType),
            optional("correct", DataTypes.LongType),
            optional("total", DataTypes.LongType),
            optional("accuracy", DataTypes.DoubleType),
            required("fitness", DataTypes.DoubleType),
            required("feasible", DataTypes.BooleanType),
            optional("failed_message", DataTypes.StringType));

    public static final StructType LAYERS_SCHEMA = schema(
            required("run_id", DataTypes.StringType),
            required("loop", DataTypes.IntegerType),
            required("layer_index", DataTypes.IntegerType),
            required("layer", DataTypes.StringType),
            required("size", DataTypes.LongType),
            required("kept", DataTypes.LongType),
            required("sparsity", DataTypes.DoubleType),
            required("threshold", DataTypes.DoubleType));

    /** Every table name, in the order {@code olmp tables} prints them. */
    public static final List<String> NAMES = List.of(RUNS, LOOPS, GENERATIONS, CANDIDATES, LAYERS);

    private static final Map<String, StructType> ALL = Map.of(RUNS, RUNS_SCHEMA, LOOPS, LOOPS_SCHEMA,
            GENERATIONS, GENERATIONS_SCHEMA, CANDIDATES, CANDIDATES_SCHEMA, LAYERS, LAYERS_SCHEMA);

    private TableSchemas() {}

    public static StructType of(String table) {
        StructType schema = ALL.get(table);
        if (schema == null) {
            throw new IllegalArgumentException("unknown table '" + table + "'; the tables are " + NAMES);
        }
        return schema;
    }

    private static StructType schema(StructField... fields) {
        return new StructType(fields);
    }

    private static StructField required(String name, DataType type) {
        return new StructField(name, type, false, Metadata.empty());
    }

    private static StructField optional(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }
}

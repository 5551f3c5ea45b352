"""nkmsg over Apache Spark: an NDJSON file of articles in, NDJSON results out.

Each partition's lines are piped through one `nkmsg analyze` process
(rdd.pipe), so every executor needs nkmsg on its PATH (or --command).

    python examples/spark_nkmsg.py articles.ndjson results/ [--master local[2]] [--partitions 4]

With `spark-submit`, leave out --master and let spark-submit set it.
Give every record an "id": each partition is read as a stream of its own,
so `input.line` counts the lines of its partition.
"""
import argparse

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="NDJSON file (or folder) of articles, one record per line")
    parser.add_argument("target", help="folder for the results (part-00000, ...); must not exist")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=4, help="at least this many partitions")
    parser.add_argument("--command", default="nkmsg", help="how to run nkmsg on an executor")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("nkmsg")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.source, minPartitions=args.partitions)
        results = lines.pipe(f"{args.command} analyze --input-format ndjson --format ndjson --jobs 1 --quiet")
        results.saveAsTextFile(args.target)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()

"""Plateau's weekly re-optimization batch as an Airflow DAG: `plateau reoptimize STUDY.yaml --state DIR --drop DIR`.

The batch ingests the vendor's new files from the drop folder into the study's bar store, and when a new complete
walk-forward window has closed since the last successful batch it runs the study on Spark and promotes the new
recommended settings or keeps the production ones (champion.json in the state directory). Its exit codes:

    0  done (promoted or kept)                     -> task success
    3  nothing to do: no new complete window       -> task skipped
    2  bad input (study file, data)                -> task failed
    1  failure, including "another batch holds the lock"  -> task failed

Two ways to run it, chosen by PLATEAU_REOPTIMIZE_RUNNER in the environment of the DAG processor and the workers:

- "spark-submit" (default): SparkSubmitOperator from apache-airflow-providers-apache-spark (4.6.0 or later, for
  properties_file and deploy_mode; Airflow 2.6 or later) runs a Spark 3.5 / Scala 2.12 installation's spark-submit,
  which must be on the worker's PATH with Java 17 (pyspark 4's spark-submit is Spark 4 / Scala 2.13 and cannot run
  the jar). The master comes from the Airflow connection PLATEAU_SPARK_CONN_ID (default spark_default): standalone
  spark://HOST:7077, yarn, or k8s://https://HOST:PORT. The driver runs on the worker (client mode) because only there
  does the command's exit code come back: in cluster mode spark-submit reports at most whether the application
  succeeded. spark-submit runs in the worker's directory, so the study's bars.store must be an absolute path.
- "local": BashOperator runs scripts/plateau in Spark local mode on the worker's cores, from the checkout, with
  skip_on_exit_code=3.

The provider's operator fails the task on any non-zero exit of spark-submit; ReoptimizeSubmitOperator turns exit 3
into a skip by reading the exit code of the spark-submit process the hook keeps (SparkSubmitHook._submit_sp, private:
checked against the provider's source, not an installed copy).

Environment (read when the DAG file is parsed): PLATEAU_HOME (checkout with the jar built, default /opt/plateau),
PLATEAU_STUDY, PLATEAU_STATE, PLATEAU_DROP, PLATEAU_REOPTIMIZE_RUNNER, PLATEAU_SPARK_CONN_ID,
PLATEAU_SPARK_EVENT_LOG_DIR (must exist; the Spark history server reads it).
"""
from __future__ import annotations

import os
import shlex
from datetime import timedelta

import pendulum

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG
try:
    from airflow.sdk.exceptions import AirflowSkipException
except ImportError:
    from airflow.exceptions import AirflowSkipException
try:
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:
    from airflow.operators.bash import BashOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

NOTHING_TO_DO = 3

PLATEAU_HOME = os.environ.get("PLATEAU_HOME", "/opt/plateau")
STUDY = os.environ.get("PLATEAU_STUDY", f"{PLATEAU_HOME}/conf/studies/mes-orb.yaml")
STATE_DIR = os.environ.get("PLATEAU_STATE", "/var/lib/plateau/reoptimize")
DROP_DIR = os.environ.get("PLATEAU_DROP", "/srv/plateau/drop")
# The vendor format of the drop folder's files (see `plateau ingest --help`).
DROP_FORMAT = os.environ.get("PLATEAU_DROP_FORMAT", "databento-ohlcv")
RUNNER = os.environ.get("PLATEAU_REOPTIMIZE_RUNNER", "spark-submit")
SPARK_CONN_ID = os.environ.get("PLATEAU_SPARK_CONN_ID", "spark_default")
EVENT_LOG_DIR = os.environ.get("PLATEAU_SPARK_EVENT_LOG_DIR", "hdfs:///spark-logs")

# Executors: the simulation is CPU-bound and each executor JVM caches the study's bars once for all its cores
# (~0.4 GB for 25 years of one symbol's 1-minute bars) plus tens of MB per running task, so 4 cores share 6 GB.
EXECUTOR_CORES = 4
EXECUTOR_MEMORY = "6g"
MAX_EXECUTORS = 8

REOPTIMIZE_ARGS = ["reoptimize", STUDY, "--state", STATE_DIR, "--drop", DROP_DIR, "--format", DROP_FORMAT]


class ReoptimizeSubmitOperator(SparkSubmitOperator):
    """SparkSubmitOperator for `plateau reoptimize` whose exit code 3 ("nothing to do") skips the task."""

    def execute(self, context):
        try:
            return super().execute(context)
        except Exception:
            if submit_exit_code(getattr(self, "_hook", None)) == NOTHING_TO_DO:
                raise AirflowSkipException(
                    "plateau reoptimize: nothing to do (exit 3), no new complete walk-forward window") from None
            raise


def submit_exit_code(hook) -> int | None:
    """The exit code of the spark-submit process the hook ran, None when it did not start one."""
    process = getattr(hook, "_submit_sp", None)
    return None if process is None else process.returncode


with DAG(
    dag_id="plateau_reoptimize",
    description="Weekly walk-forward re-optimization: promote the challenger or keep the champion",
    # Saturday 06:00 UTC: the futures week closes on Friday afternoon in Chicago (21:00 or 22:00 UTC).
    schedule="0 6 * * 6",
    start_date=pendulum.datetime(2025, 1, 4, tz="UTC"),
    # A missed week is not worth a run of its own: the next batch takes every window that closed since the last
    # successful one.
    catchup=False,
    # The batch also takes a lock in the state directory; one run at a time keeps a second one from failing on it.
    max_active_runs=1,
    default_args={
        # A failed batch leaves the last successful one as the reference, so next week's run (or a manual trigger
        # once the cause is fixed) does its work; retrying a bad study file or a held lock at once changes nothing.
        "retries": 0,
        # Longer than the longest batch; a hung one is killed rather than blocking the following weeks.
        "execution_timeout": timedelta(hours=12),
    },
    tags=["plateau", "spark"],
) as dag:
    if RUNNER == "spark-submit":
        ReoptimizeSubmitOperator(
            task_id="reoptimize",
            conn_id=SPARK_CONN_ID,
            application=f"{PLATEAU_HOME}/jobs/target/plateau-jobs.jar",
            java_class="io.plateau.cli.PlateauCli",
            application_args=REOPTIMIZE_ARGS,
            name="plateau-reoptimize",
            deploy_mode="client",
            # Executor memory and cores, Java serialization, Spark's progress bar off; the file says why.
            properties_file=f"{PLATEAU_HOME}/conf/spark-defaults.conf",
            executor_cores=EXECUTOR_CORES,
            executor_memory=EXECUTOR_MEMORY,
            conf={
                # Executors come and go with the work and are given back when the batch is done; without an
                # external shuffle service dynamic allocation needs shuffle tracking.
                "spark.dynamicAllocation.enabled": "true",
                "spark.dynamicAllocation.shuffleTracking.enabled": "true",
                "spark.dynamicAllocation.minExecutors": "0",
                "spark.dynamicAllocation.maxExecutors": str(MAX_EXECUTORS),
                # The job cuts its work into at least 3 tasks per core of the default parallelism, which otherwise
                # counts only the executors registered when it plans: none yet under dynamic allocation.
                "spark.default.parallelism": str(MAX_EXECUTORS * EXECUTOR_CORES),
                # The history server shows the batch afterwards; nobody watches a scheduled run's UI.
                "spark.eventLog.enabled": "true",
                "spark.eventLog.dir": EVENT_LOG_DIR,
                "spark.driver.extraJavaOptions": f"-Dlog4j.configurationFile={PLATEAU_HOME}/conf/log4j2.properties",
            },
        )
    elif RUNNER == "local":
        BashOperator(
            task_id="reoptimize",
            # PLATEAU_SKIP_BUILD=1: a batch never builds; the jar is built when the checkout is deployed.
            bash_command=f"cd {shlex.quote(PLATEAU_HOME)} && exec scripts/plateau {shlex.join(REOPTIMIZE_ARGS)}",
            env={"PLATEAU_SKIP_BUILD": "1"},
            append_env=True,
            skip_on_exit_code=NOTHING_TO_DO,
        )
    else:
        raise ValueError(f"PLATEAU_REOPTIMIZE_RUNNER must be spark-submit or local, was {RUNNER!r}")

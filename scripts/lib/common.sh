# Shared by scripts/plateau, scripts/submit and scripts/standalone-cluster: where the jar and Spark's classpath are,
# building them when missing or older than the sources, and the JVM flags a Spark driver needs on Java 17.
# Source it after setting "here" to the repository root.

jar="$here/jobs/target/plateau-jobs.jar"
classpath_file="$here/jobs/target/classpath.txt"

stale() {
  [ ! -f "$jar" ] || [ ! -f "$classpath_file" ] && return 0
  [ -n "$(find "$here/core/src/main" "$here/jobs/src/main" "$here/conf" "$here/pom.xml" "$here/core/pom.xml" \
      "$here/jobs/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

# Builds the jar unless PLATEAU_SKIP_BUILD=1 or it is up to date; shows Maven's log only when the build fails.
build_if_stale() {
  if [ "${PLATEAU_SKIP_BUILD:-0}" != "1" ] && stale; then
    echo "plateau: building the jar (mvn package, tests skipped) ..." >&2
    local log
    log="$(mktemp)"
    if ! (cd "$here" && mvn -q -B package -DskipTests) >"$log" 2>&1; then
      cat "$log" >&2
      echo "plateau: the build failed (output above)" >&2
      exit 1
    fi
    rm -f "$log"
  fi
}

# Spark's jars (classpath.txt, Maven's provided scope) after our jar, which holds the libraries Spark does not ship
# (and the Jackson core that Spark's own processes also need).
runtime_classpath() {
  echo "$jar:$(cat "$classpath_file")"
}

# Java 17 module openings Spark needs in any JVM that starts a driver (spark-launcher's JavaModuleOptions).
opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)

# pyarrow and DuckDB for the scripts that read our outputs with readers that share no code with Plateau.
ensure_python_readers() {
  if ! python3 -c "import pyarrow, duckdb" 2>/dev/null; then
    # The machine's local package mirror, when there is one, spares pip its retries of the public index.
    if [ -d /opt/pypi/simple ]; then export PIP_INDEX_URL=file:///opt/pypi/simple; fi
    python3 -m pip install --quiet pyarrow duckdb
  fi
}

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# Shared shell functions of the Ringfence benchmarks (sourced, not run). A script sets BENCH_NAME,
# JAR, REBUILD, KEEP, START_TIMEOUT, STOP_TIMEOUT and ATTACH_BASE / ATTACH_JDBC (bench/run's
# --attach BASE JDBC_URL), then calls: bench_setup; bench_jar; bench_pg_jar; bench_app_start ARGS...
# (or attached: the running app) ... bench_app_stop; bench_table_out TABLE; bench_json_out FILE.

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Scratch directory, results directory, stamp; cleanup on exit (the app stopped, logs kept on failure).
bench_setup() {
	for tool in java curl; do
		command -v "$tool" >/dev/null || die "$tool is not on the PATH"
	done
	BENCH_T0=$SECONDS
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/ringfence-$BENCH_NAME-bench.XXXXXX")"
	DATA_DIR="$WORK/data"
	RESULTS_DIR="$BENCH_DIR/results"
	STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
	APP_PID=""
	APP_LOG="$WORK/app.log"
	mkdir -p "$RESULTS_DIR"
	trap bench_cleanup EXIT
	trap 'log "interrupted"; exit 130' INT TERM
}

bench_cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	bench_app_stop || true
	if ((rc != 0)); then
		for f in "$WORK"/*.log; do [[ -f "$f" ]] && cp "$f" "$RESULTS_DIR/$BENCH_NAME-$STAMP-$(basename "$f")"; done
	fi
	if [[ ${KEEP:-0} == 1 ]]; then log "kept scratch directory $WORK"; else rm -rf "$WORK"; fi
	exit "$rc"
}

# Builds the jar when asked or missing.
bench_jar() {
	if [[ ${REBUILD:-0} == 1 || ! -f "$JAR" ]]; then
		command -v mvn >/dev/null || die "no jar at $JAR and mvn is not on the PATH"
		log "building the jar: mvn -B -q -DskipTests package (in $ROOT)"
		(cd "$ROOT" && mvn -B -q -DskipTests package) || die "the build failed"
		[[ -f "$JAR" ]] || die "the build did not produce $JAR"
	fi
}

# PG_JAR: BENCH_PG_JAR, else the PostgreSQL JDBC driver version the app's jar carries, from ~/.m2.
bench_pg_jar() {
	PG_JAR="${BENCH_PG_JAR:-}"
	if [[ -z "$PG_JAR" ]]; then
		local version m2
		version="$(unzip -l "$JAR" 2>/dev/null | grep -o 'BOOT-INF/lib/postgresql-[0-9][0-9.]*\.jar' | head -n1 |
			sed 's/.*postgresql-//; s/\.jar$//' || true)"
		m2="${M2_REPO:-$HOME/.m2/repository}/org/postgresql/postgresql"
		if [[ -n "$version" && -f "$m2/$version/postgresql-$version.jar" ]]; then
			PG_JAR="$m2/$version/postgresql-$version.jar"
		else
			PG_JAR="$(find "$m2" -name 'postgresql-*.jar' 2>/dev/null | sort -V | tail -n1 || true)"
		fi
	fi
	[[ -n "$PG_JAR" && -f "$PG_JAR" ]] || die "no PostgreSQL JDBC driver jar (set BENCH_PG_JAR)"
}

# A port outside the kernel's ephemeral range.
bench_free_port() {
	local p lo=32768 hi=60999 base span
	read -r lo hi </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
	if ((lo > 11024)); then base=10000 span=$((lo - 10000)); else base=$((hi + 1)) span=$((65535 - hi)); fi
	for _ in $(seq 1 50); do
		p=$((base + (RANDOM * 32768 + RANDOM) % span))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
	done
	die "no free port found"
}

# Starts the app on a fresh data directory with the given extra arguments (or, attached, uses the
# app bench/run started); sets BASE, JDBC_URL, START_SECONDS.
bench_app_start() {
	if [[ -n "${ATTACH_BASE:-}" ]]; then
		BASE="$ATTACH_BASE"
		JDBC_URL="$ATTACH_JDBC"
		APP_LOG="${BENCH_APP_LOG:-$APP_LOG}"
		[[ -f "$APP_LOG" ]] || : >"$APP_LOG"
		START_SECONDS=""
		log "attached to the running app at $BASE"
		return 0
	fi
	local port t0 deadline up='"status"[[:space:]]*:[[:space:]]*"UP"'
	port="$(bench_free_port)"
	BASE="http://127.0.0.1:$port"
	log "starting the app on port $port (data in $DATA_DIR; allowing ${START_TIMEOUT}s): $*"
	t0=$(date +%s%N)
	(cd "$WORK" && exec java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" --ringfence.data-directory="$DATA_DIR" \
		"$@" >"$APP_LOG" 2>&1) &
	APP_PID=$!
	deadline=$((SECONDS + START_TIMEOUT))
	until [[ "$(curl -s --max-time 2 "$BASE/actuator/health/readiness" 2>/dev/null)" =~ $up ]] &&
		grep -q 'Startup data checked' "$APP_LOG"; do
		kill -0 "$APP_PID" 2>/dev/null || { APP_PID=""; tail -n 40 "$APP_LOG" >&2; die "the app exited during start"; }
		((SECONDS < deadline)) || { tail -n 40 "$APP_LOG" >&2; die "the app was not ready within ${START_TIMEOUT}s"; }
		sleep 0.5
	done
	START_SECONDS=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN{printf "%.1f", (b-a)/1e9}')
	JDBC_URL="$(grep -o 'Database: jdbc:postgresql://[^ ]*' "$APP_LOG" | head -n1 | sed 's/^Database: //' || true)"
	[[ -n "$JDBC_URL" ]] || die "no 'Database: jdbc:postgresql://...' line in the app log"
	log "ready after ${START_SECONDS}s"
}

# Stops the app this script started (SIGTERM, SIGKILL after STOP_TIMEOUT) and a PostgreSQL it left.
bench_app_stop() {
	if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill -TERM "$APP_PID" 2>/dev/null || true
		local deadline=$((SECONDS + ${STOP_TIMEOUT:-60}))
		while kill -0 "$APP_PID" 2>/dev/null; do
			if ((SECONDS >= deadline)); then kill -KILL "$APP_PID" 2>/dev/null || true; break; fi
			sleep 0.2
		done
		wait "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
	local pidfile="${DATA_DIR:-/nonexistent}/postgres/postmaster.pid" pg
	[[ -f "$pidfile" ]] || return 0
	pg="$(head -n1 "$pidfile" 2>/dev/null || true)"
	if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
		kill -INT "$pg" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || return 0; sleep 0.1; done
		kill -KILL "$pg" 2>/dev/null || true
	fi
}

# Figures: rows "key|figure|value|unit|reference|ref value|op (le|ge|eq|empty)|target text|target value".
BENCH_ROWS=()
bench_row() { BENCH_ROWS+=("$1|$2|$3|$4|$5|$6|$7|$8|$9"); }
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b+0 > 0 && a != "nan" && b != "nan") printf "%.2f", a/b; else print "n/a" }'; }
bench_verdict() {
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
		if (v == "" || v == "nan" || v == "n/a") { print "FAIL"; exit }
		if (op == "le") print (v+0 <= t+0 ? "PASS" : "FAIL"); else if (op == "eq") print (v+0 == t+0 ? "PASS" : "FAIL"); else print (v+0 >= t+0 ? "PASS" : "FAIL") }'
}
bench_json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
bench_json_num() { [[ "$1" =~ ^-?[0-9]+(\.[0-9]+)?$ ]] && printf '%s' "$1" || printf 'null'; }

# '"raw": {...}' from the "RESULT key value" lines of a driver's output (numbers as numbers).
bench_raw_json() {
	local first=1 k v
	printf '"raw": {'
	while read -r _ k v; do
		((first)) || printf ', '
		first=0
		if [[ "$v" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then printf '%s: %s' "$(bench_json_str "$k")" "$v"; else printf '%s: %s' "$(bench_json_str "$k")" "$(bench_json_str "$v")"; fi
	done < <(grep '^RESULT ' "$1" || true)
	printf '}'
}

# Writes the table (for people and bench/run) and the JSON of the rows; prints the table.
# BENCH_EXTRA_JSON, when set, is one more member of the JSON object (e.g. from bench_raw_json).
bench_report() {
	local table="$WORK/table.txt" json="$RESULTS_DIR/$BENCH_NAME-$STAMP.json" row key figure value unit ref refvalue op target tvalue rt v first=1
	{
		echo "figure|value|reference|ref value|ratio|target|verdict"
		for row in "${BENCH_ROWS[@]}"; do
			IFS='|' read -r key figure value unit ref refvalue op target tvalue <<<"$row"
			rt=$(bench_ratio "$value" "$refvalue"); [[ "$ref" == "-" ]] && rt="-"
			if [[ -n "$op" ]]; then v=$(bench_verdict "$value" "$op" "$tvalue"); else v="-"; fi
			echo "$figure|$value${unit:+ $unit}|$ref|$refvalue$([[ $refvalue == - || -z $unit ]] || echo " $unit")|$rt|$target|$v"
		done
	} >"$table"
	cp "$table" "$RESULTS_DIR/$BENCH_NAME-$STAMP.table"
	{
		echo "{"
		echo "  \"benchmark\": \"$BENCH_NAME\", \"timestamp\": \"$STAMP\","
		echo "  \"host\": {\"cpus\": $(nproc 2>/dev/null || echo 0), \"java\": $(bench_json_str "$(java -version 2>&1 | head -n1)")},"
		echo "  \"jar\": $(bench_json_str "$JAR"), \"git_commit\": $(bench_json_str "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"),"
		echo "  \"start_s\": $(bench_json_num "${START_SECONDS:-}"), \"total_s\": $((SECONDS - BENCH_T0)),"
		[[ -z "${BENCH_EXTRA_JSON:-}" ]] || echo "  $BENCH_EXTRA_JSON,"
		echo "  \"figures\": ["
		for row in "${BENCH_ROWS[@]}"; do
			IFS='|' read -r key figure value unit ref refvalue op target tvalue <<<"$row"
			rt=$(bench_ratio "$value" "$refvalue"); [[ "$ref" == "-" ]] && rt="n/a"
			if [[ -n "$op" ]]; then v="\"$(bench_verdict "$value" "$op" "$tvalue")\""; else v=null; fi
			((first)) || echo ","
			first=0
			printf '    {"key": %s, "figure": %s, "value": %s, "unit": %s, "reference": %s, "ref_value": %s, "ratio": %s, "target": %s, "target_value": %s, "verdict": %s}' \
				"$(bench_json_str "$key")" "$(bench_json_str "$figure")" "$(bench_json_num "$value")" "$(bench_json_str "$unit")" \
				"$(bench_json_str "$ref")" "$(bench_json_num "$refvalue")" "$(bench_json_num "$rt")" "$(bench_json_str "$target")" \
				"$(bench_json_num "$tvalue")" "$v"
		done
		echo
		echo "  ]"
		echo "}"
	} >"$json"
	echo
	echo "Ringfence $BENCH_NAME benchmark  $STAMP  ($(nproc 2>/dev/null || echo '?') CPUs, $((SECONDS - BENCH_T0)) s)"
	column -t -s '|' -o ' | ' "$table" 2>/dev/null || tr '|' '\t' <"$table"
	echo "Results: $json"
}

# Standard options of every benchmark script; unknown ones are left to the caller (returns 1).
bench_common_option() {
	case "$1" in
		--jar) JAR="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; BENCH_SHIFT=2 ;;
		--rebuild) REBUILD=1; BENCH_SHIFT=1 ;;
		--keep) KEEP=1; BENCH_SHIFT=1 ;;
		--attach) ATTACH_BASE="$2"; ATTACH_JDBC="$3"; BENCH_SHIFT=3 ;;
		*) return 1 ;;
	esac
}

#!/usr/bin/env bash
# Benchmark: times bin/dbzlint over N generated connector configs and prints a Markdown table
# (wall and CPU time, peak memory, ratio to a bare JVM hello-world), checking the answer each time.
#
#   bench/run.sh                 # N = 1, 100, 1000, 10000, 100000, 10000 in mixed formats, 100000 in
#                                # groups of 50 on one server id; 5 runs each
#   RUNS=3 bench/run.sh 1 1000   # chosen sizes and runs
#   bench/run.sh 10000:mixed     # a size in five formats (JSON, Strimzi YAML, properties, shell, Markdown)
#   bench/run.sh 100000:groups50 # every 50 MySQL connectors on one server and server id: collision groups
#
# Needs Java 17, Maven and GNU time (/usr/bin/time; Debian package 'time').
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000 10000 100000 10000:mixed 100000:groups50)
runs=${RUNS:-5}
out=bench/out
time_cmd=/usr/bin/time
if [ ! -x "$time_cmd" ]; then
  echo "bench: GNU time is missing (/usr/bin/time); install it, e.g. apt-get install time" >&2
  exit 2
fi
if [ ! -f target/dbzlint.jar ] || [ ! -f target/dbzlint.jsa ]; then
  mvn -B -q package -DskipTests
fi
mkdir -p "$out"

# One measured run: prints "wall cpu rss_kb" (seconds, seconds, KiB) and leaves stdout in $1.
# Wall time is taken to the millisecond here; GNU time gives CPU time and peak memory.
measure() {
  local stats="$out/time.txt" stdout="$1" start end; shift
  start=$(date +%s%N)
  "$time_cmd" -f "%U %S %M" -o "$stats" "$@" > "$stdout" 2> "$out/stderr.txt" || true
  end=$(date +%s%N)
  tail -n 1 "$stats" | awk -v ns=$((end - start)) '{printf "%.3f %.2f %s\n", ns / 1e9, $1 + $2, $3}'
}

# Median of the first column, with the CPU time of that run; the highest peak memory of all runs.
summarize() {
  sort -n | awk '{w[NR]=$1; c[NR]=$2; if ($3 > m) m = $3} END {i = int((NR + 1) / 2); printf "%s %s %d\n", w[i], c[i], m}'
}

hello_dir="$out/hello"
mkdir -p "$hello_dir"
if [ ! -f "$hello_dir/Hello.class" ]; then
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    > "$hello_dir/Hello.java"
  javac -d "$hello_dir" "$hello_dir/Hello.java"
fi
java -cp "$hello_dir" Hello > /dev/null
# the floor program, compiled once, run by the JVM bin/dbzlint runs (the AOT cache's, if there is one)
floor_java=java
[ -f target/dbzlint.aot.java ] && [ target/dbzlint.aot -nt target/dbzlint.jar ] && floor_java="$(cat target/dbzlint.aot.java)/bin/java"
mkdir -p "$out/floor"
javac -d "$out/floor" -cp target/dbzlint.jar bench/src/io/dbzlint/bench/Floor.java
read -r hello_wall hello_cpu hello_rss < <(for _ in $(seq "$runs"); do
  measure "$out/hello.out" java -cp "$hello_dir" Hello; done | summarize)

echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$(java -version 2>&1 | head -1); $runs runs each, median wall time."
echo
echo "| configs | wall (s) | CPU (s) | peak RSS (MB) | × hello-world | findings: planted found / expected, other |"
echo "|---:|---:|---:|---:|---:|---|"
printf '| hello-world JVM | %s | %s | %d | 1.0 | |\n' "$hello_wall" "$hello_cpu" $((hello_rss / 1024))

for size in "${sizes[@]}"; do
  n=${size%%:*}
  variant=""
  [ "$size" = "$n" ] || variant=${size#*:}
  data="$out/$n${variant:+-$variant}"
  if [ ! -f "$data/expected.txt" ]; then
    rm -rf "$data"
    java bench/src/io/dbzlint/bench/ConfigGenerator.java "$n" "$data" $variant
  fi
  # the release the generated configs are for, named: its 1.x keys are then findings, as expected.txt counts
  command=(bin/dbzlint lint --color never --debezium-version 3.6 --rules "$data/rules.json" "$data/configs")
  "${command[@]}" > /dev/null || true   # warm the page cache
  read -r wall cpu rss < <(for _ in $(seq "$runs"); do
    measure "$data/findings.txt" "${command[@]}"; done | summarize)

  expected=$(awk '{s += $2} END {print s + 0}' "$data/expected.txt")
  found=0
  while read -r rule count; do
    # one connector name in two files is a warning (more often alternatives than a clash), else errors
    actual=$(grep -cE ": (error|warning) $rule " "$data/findings.txt" || true)
    found=$((found + (actual < count ? actual : count)))
  done < "$data/expected.txt"
  total=$(grep -cE ': (error|warning|info) ' "$data/findings.txt" || true)
  other=$((total - found))
  verdict="ok"
  [ "$found" -eq "$expected" ] && [ "$other" -eq 0 ] || verdict="WRONG ANSWER"
  ratio=$(awk -v w="$wall" -v h="$hello_wall" 'BEGIN {printf "%.1f", w / h}')
  printf '| %s | %s | %s | %d | %s | %d / %d, %d other: %s |\n' \
    "$n${variant:+ ($variant)}" "$wall" "$cpu" $((rss / 1024)) "$ratio" "$found" "$expected" "$other" "$verdict"
  if [ "$variant" != mixed ] && [ "$n" -ge 1000 ]; then
    # the floor: read and stream-parse every file with Jackson on all cores, same JVM flags and jar
    floor=("$floor_java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn32m -XX:-UsePerfData -cp "target/dbzlint.jar:$out/floor"
      io.dbzlint.bench.Floor "$data/configs")
    read -r f_wall f_cpu f_rss < <(for _ in $(seq "$runs"); do
      measure "$out/floor.txt" "${floor[@]}"; done | summarize)
    printf '| %s floor (read + parse only) | %s | %s | %d | %s | lint / floor = %s |\n' "$n${variant:+ ($variant)}" "$f_wall" "$f_cpu" \
      $((f_rss / 1024)) "$(awk -v w="$f_wall" -v h="$hello_wall" 'BEGIN {printf "%.1f", w / h}')" \
      "$(awk -v w="$wall" -v f="$f_wall" 'BEGIN {printf "%.1f", w / f}')"
  fi
done

# The release catalog (every release's keys) is read only for an older target: its size and the
# time it adds to a start-up.
for catalog in rules/catalog/*.json; do
  printf '| %s | %d KB | | | | |\n' "$catalog" $(( $(wc -c < "$catalog") / 1024 ))
done
older=(bin/dbzlint lint --debezium-version 2.4 examples/capstone)
read -r old_wall old_cpu old_rss < <(for _ in $(seq "$runs"); do
  measure "$out/capstone-2.4.txt" "${older[@]}"; done | summarize)
printf '| examples/capstone --debezium-version 2.4 (reads the release catalog) | %s | %s | %d | %s | |\n' "$old_wall" \
  "$old_cpu" $((old_rss / 1024)) "$(awk -v w="$old_wall" -v h="$hello_wall" 'BEGIN {printf "%.1f", w / h}')"

version=(bin/dbzlint --version)
read -r v_wall v_cpu v_rss < <(for _ in $(seq "$runs"); do
  measure "$out/version.txt" "${version[@]}"; done | summarize)
printf '| dbzlint --version | %s | %s | %d | %s | |\n' "$v_wall" "$v_cpu" $((v_rss / 1024)) \
  "$(awk -v w="$v_wall" -v h="$hello_wall" 'BEGIN {printf "%.1f", w / h}')"

capstone=(bin/dbzlint lint examples/capstone)
read -r cap_wall cap_cpu cap_rss < <(for _ in $(seq "$runs"); do
  measure "$out/capstone.txt" "${capstone[@]}"; done | summarize)
printf '| examples/capstone | %s | %s | %d | %s | |\n' "$cap_wall" "$cap_cpu" $((cap_rss / 1024)) \
  "$(awk -v w="$cap_wall" -v h="$hello_wall" 'BEGIN {printf "%.1f", w / h}')"

# The language server: start-up, re-lint per keystroke in a 1,000-connector workspace, peak memory.
lsp_data="$out/1000"
[ -f "$lsp_data/expected.txt" ] || java bench/src/io/dbzlint/bench/ConfigGenerator.java 1000 "$lsp_data"
echo
echo "Language server (bin/dbzlint lsp, driven over stdio by LSP4J's client):"
java -cp target/dbzlint.jar bench/src/io/dbzlint/bench/LspLatency.java "$lsp_data/configs" 200 2>/dev/null

# Shared by infra/engines/start and stop (sourced, not run). See start for what each engine is.
ENGINES_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENGINES_DIR="${ARCHITECH_ENGINES_DIR:-${TMPDIR:-/tmp}/architech-engines}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-9200}"
INFLUX_PORT="${INFLUX_PORT:-8086}"

# node is the one HTTP client sure to be here (curl may be missing from slim images).
http_ok() { # url expected-status
  node -e "fetch('$1').then((r) => process.exit(r.status === $2 ? 0 : 1), () => process.exit(1))"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { [ -f "$ENGINES_DIR/$1/pid" ] && kill -0 "$(cat "$ENGINES_DIR/$1/pid")" 2>/dev/null; }

wait_until() { # seconds name log check...
  local seconds=$1 name=$2 log=$3
  shift 3
  for _ in $(seq 1 "$((seconds * 2))"); do
    if "$@"; then return 0; fi
    if ! running "$name"; then break; fi
    sleep 0.5
  done
  echo "infra/engines: $name did not come up; the end of its log ($log):" >&2
  tail -n 30 "$log" >&2 || true
  return 1
}

start_kafka() {
  local dir="$ENGINES_DIR/kafka"
  export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
  if port_open "$KAFKA_PORT"; then echo "KAFKA_BROKERS=$KAFKA_BROKERS (already running)"; return; fi
  "$ENGINES_HOME/fetch"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=8
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=24
PROPS
  cat >"$dir/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.BrokerServer=INFO
PROPS
  local java=(java "-Xms64m" "-Xmx${KAFKA_HEAP:-512m}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$dir/log4j.properties" -cp "$ENGINES_HOME/lib/kafka/*")
  if [ ! -f "$dir/data/meta.properties" ]; then
    "${java[@]}" kafka.tools.StorageTool format -t "$("${java[@]}" kafka.tools.StorageTool random-uuid)" -c "$dir/server.properties" >"$dir/format.log"
  fi
  nohup "${java[@]}" kafka.Kafka "$dir/server.properties" >>"$dir/kafka.log" 2>&1 &
  echo $! >"$dir/pid"
  wait_until 90 kafka "$dir/kafka.log" port_open "$KAFKA_PORT"
  echo "KAFKA_BROKERS=$KAFKA_BROKERS"
}

start_opensearch() {
  local dir="$ENGINES_DIR/opensearch"
  export OPENSEARCH_URL="http://127.0.0.1:$OPENSEARCH_PORT"
  if http_ok "$OPENSEARCH_URL" 200; then echo "OPENSEARCH_URL=$OPENSEARCH_URL (already running)"; return; fi
  "$ENGINES_HOME/fetch"
  mkdir -p "$dir"
  nohup java -Xms256m "-Xmx${OPENSEARCH_HEAP:-512m}" -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dopensearch.set.netty.runtime.available.processors=false \
    -cp "$ENGINES_HOME/lib/launcher:$ENGINES_HOME/lib/opensearch/*" OpenSearchNode "$dir" "$OPENSEARCH_PORT" >>"$dir/opensearch.log" 2>&1 &
  echo $! >"$dir/pid"
  wait_until 180 opensearch "$dir/opensearch.log" http_ok "$OPENSEARCH_URL/_cluster/health?wait_for_status=yellow&timeout=1s" 200
  echo "OPENSEARCH_URL=$OPENSEARCH_URL"
}

# InfluxDB 1.x (docs/architecture.md §3): Debian's package when influxd is missing, started with a
# config of our own (loopback only, data under ENGINES_DIR, no phoning home).
start_influxdb() {
  local dir="$ENGINES_DIR/influxdb"
  export INFLUX_URL="http://127.0.0.1:$INFLUX_PORT"
  if http_ok "$INFLUX_URL/ping" 204; then echo "INFLUX_URL=$INFLUX_URL (already running)"; return; fi
  if ! command -v influxd >/dev/null 2>&1; then
    echo "InfluxDB is not installed: installing it from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq influxdb >/dev/null
    # The package's own service may already be up (where an init system runs it).
    if http_ok "$INFLUX_URL/ping" 204; then echo "INFLUX_URL=$INFLUX_URL"; return; fi
  fi
  mkdir -p "$dir/meta" "$dir/data" "$dir/wal"
  cat >"$dir/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$((INFLUX_PORT + 2))"
[meta]
  dir = "$dir/meta"
[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$INFLUX_PORT"
  log-enabled = false
CONF
  nohup influxd -config "$dir/influxdb.conf" >>"$dir/influxd.log" 2>&1 &
  echo $! >"$dir/pid"
  wait_until 30 influxdb "$dir/influxd.log" http_ok "$INFLUX_URL/ping" 204
  echo "INFLUX_URL=$INFLUX_URL"
}

stop_engine() { # name
  local pidfile="$ENGINES_DIR/$1/pid"
  if ! running "$1"; then rm -f "$pidfile"; return; fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return; }; sleep 0.5; done
  echo "infra/engines: $1 (pid $pid) did not stop within 30 s: killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

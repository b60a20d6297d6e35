#!/usr/bin/env bash
# CI test: start a real single-node SLURM cluster from Debian packages (munge, slurmctld, slurmd;
# run as root, no systemd), run docs/cluster/lesim-array.sbatch as a four-task array on a small
# sweep, merge the shards, and check the result is byte-identical to the same sweep run locally.
# Adapted from ../shared/recipes/slurm-single-node.sh. Needs the project built (npm ci).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BASE=$(mktemp -d)
# munged insists every folder above its socket is world-executable.
chmod 755 "$BASE"
D=$BASE/slurm
export DEBIAN_FRONTEND=noninteractive

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

# Private dirs: the socket folder must be world-executable, the key 0400.
mkdir -p "$D"/munge "$D"/state "$D"/spool "$D"/log "$D"/work/logs
chmod 755 "$D" "$D"/munge
mungekey --create --keyfile="$D/munge/munge.key" --force
chmod 400 "$D/munge/munge.key"
SOCK="$D/munge/munge.socket.2"

PIDS=()
cleanup() {
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill -TERM "${PIDS[i]}" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

munged -F -S "$SOCK" --key-file="$D/munge/munge.key" --pid-file="$D/munge/munged.pid" --seed-file="$D/munge/munged.seed" >"$D/log/munged.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
munge -n -S "$SOCK" | unmunge -S "$SOCK" >/dev/null

H=$(hostname -s)
cat >"$D/slurm.conf" <<CONF
ClusterName=lesim-ci
SlurmctldHost=$H(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCK
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/slurmctld.pid
SlurmdPidFile=$D/slurmd.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdLogFile=$D/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
NodeName=$H NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$D/slurm.conf"

slurmctld -D -i >"$D/log/slurmctld.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.2; done
slurmd -D >"$D/log/slurmd.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ "$(sinfo -h -n "$H" -o %t 2>/dev/null)" = idle ] && break; sleep 0.2; done
sinfo

# A small sweep: 3 points x 2 replications x 18 months.
cat >"$D/work/sweep.yaml" <<YAML
scenario: gde-baseline
replications: 2
seed: 11
months: 18
design: sobol
samples: 3
parameters:
  ownChoicePairing_share: { min: 0.2, max: 0.9 }
  learningNetworks_count: { min: 4, max: 12 }
YAML

cd "$D/work"
# The array's tasks run the project's own sbatch script, one CPU each so all four run at once
# is not required: SLURM queues what does not fit.
sbatch --wait --array=0-3 --cpus-per-task=1 --mem=200M -o "$D/work/logs/task-%a.out" \
  --export=ALL,PATH="$PATH" --chdir="$ROOT" \
  "$ROOT/docs/cluster/lesim-array.sbatch" "$D/work/sweep.yaml" "$D/work/results" \
  || { cat "$D"/work/logs/*.out; exit 1; }
cat "$D"/work/logs/task-*.out
(cd "$ROOT" && node dist/cli/main.js merge "$D"/work/results/shard-* --out "$D/work/merged")
(cd "$ROOT" && node dist/cli/main.js sweep "$D/work/sweep.yaml" --out "$D/work/local" --workers 2)

for f in points.csv outcomes.csv spectrum.csv modes.csv knowledge_flow.csv maturity.csv network.csv programme.csv replications.csv failures.csv summary.json; do
  cmp "$D/work/local/$f" "$D/work/merged/$f" || { echo "SLURM merge differs from local run: $f"; exit 1; }
done
shards=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$D/work/merged/manifest.json','utf8')).shards)")
[ "$shards" = 4 ] || { echo "expected a merge of 4 shards, manifest says $shards"; exit 1; }
echo "SLURM array test OK: 4 shards merged equal the local sweep"
rm -rf "$BASE"

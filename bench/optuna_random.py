#!/usr/bin/python3
"""Optuna's side of bench_search_overhead: random search over the
NAS-Bench-201 cell (6 edges, 5 operations) with RandomSampler and RDB storage
on SQLite, looking each trial up in the same table. Prints trials per second.
Run with Debian's /usr/bin/python3 (python3-optuna)."""
import argparse
import csv
import os
import time

import optuna

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--trials", type=int, default=300)
    args = parser.parse_args()

    with open(args.table, newline="") as f:
        valid = {row["arch"]: float(row["cifar10_valid_acc"]) for row in csv.DictReader(f)}

    def objective(trial):
        ops = [trial.suggest_categorical(f"edge{i}", OPS) for i in range(6)]
        arch = "|{}~0|+|{}~0|{}~1|+|{}~0|{}~1|{}~2|".format(*ops)
        return valid[arch]

    if os.path.exists(args.db):
        os.remove(args.db)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(storage=f"sqlite:///{args.db}",
                                sampler=optuna.samplers.RandomSampler(seed=0),
                                direction="maximize")
    start = time.perf_counter()
    study.optimize(objective, n_trials=args.trials)
    elapsed = time.perf_counter() - start
    print(f"trials_per_second {args.trials / elapsed:.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env node
// Runs ONNX models in onnxruntime (npm's onnxruntime-node), the independent
// check of Archscape's ONNX export. One process serves a whole batch of
// models, listed in a JSON manifest:
//   {"models": [{"model": "a.onnx", "input": "a.in", "shape": [2, 3, 32, 32],
//                "output": "a.out", "threads": 1, "repeat": 0, "optimization": "all"}]}
// "input" holds float32 values (little-endian, row-major) of `shape`; the
// first output is written to "output" the same way. With "repeat" > 0 the
// model also runs that many more times and the wall-clock latencies come
// back. Prints {"models": [{"outputDims": [...], "latenciesMs": [...]}]}.
// The onnxruntime-node folder is ARCHSCAPE_ORT_NODE_DIR (its node_modules
// holds onnxruntime-node). Exit code 0 fine, 3 onnxruntime-node missing,
// 1 a model failed.
'use strict';
const fs = require('fs');
const path = require('path');

function loadOnnxRuntime() {
  const dir = process.env.ARCHSCAPE_ORT_NODE_DIR || '';
  const where = path.join(dir, 'node_modules', 'onnxruntime-node');
  try {
    return require(where);
  } catch (e) {
    process.stderr.write(
      `onnxruntime-node is not installed in ${where} (ARCHSCAPE_ORT_NODE_DIR='${dir}'): ` +
      `run scripts/install-deps.sh, which installs it with ` +
      `"ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.30.0" in that folder.\n` +
      `(${e.message.split('\n')[0]})\n`);
    process.exit(3);
  }
}

function readFloats(file) {
  const bytes = fs.readFileSync(file);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

async function runModel(ort, job) {
  const options = { logSeverityLevel: 3, graphOptimizationLevel: job.optimization || 'all' };
  if (job.threads) {
    options.intraOpNumThreads = job.threads;
    options.interOpNumThreads = 1;
  }
  const session = await ort.InferenceSession.create(job.model, options);
  const feeds = {};
  feeds[session.inputNames[0]] = new ort.Tensor('float32', readFloats(job.input), job.shape);
  const results = await session.run(feeds);
  const output = results[session.outputNames[0]];
  fs.writeFileSync(job.output, Buffer.from(output.data.buffer, output.data.byteOffset,
                                           output.data.byteLength));
  const latenciesMs = [];
  for (let i = 0; i < (job.repeat || 0); ++i) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    latenciesMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { outputDims: output.dims, latenciesMs };
}

async function main() {
  if (process.argv.length !== 3) {
    process.stderr.write('usage: ort_run.js MANIFEST.json\n');
    process.exit(2);
  }
  const ort = loadOnnxRuntime();
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const report = { models: [] };
  for (const job of manifest.models) {
    try {
      report.models.push(await runModel(ort, job));
    } catch (e) {
      process.stderr.write(`onnxruntime failed on ${job.model}: ${e.message}\n`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(report) + '\n');
}

main();

#pragma once
// Registers everything the LibTorch library adds to the engine's registries:
// the evaluators "train", "zc" and "supernet", the strategies "spos" and
// "darts", the "mlp" predictor model and the "zc" architecture scorer. The
// CLI and the desktop app call it once at start-up, before plugins load, so
// that a plugin cannot take these names.

namespace archscape {

void registerTorchComponents();

} // namespace archscape

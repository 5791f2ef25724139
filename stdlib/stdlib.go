// Package stdlib registers yflow's built-in modules (math, time, json, ...)
// with an interpreter. Each module lives in its own subpackage.
package stdlib

import "yflow/vm"

// Register makes every standard module importable in the interpreter.
func Register(in *vm.Interp) {
}

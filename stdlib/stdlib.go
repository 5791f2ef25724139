// Package stdlib registers yflow's built-in modules (math, time, json, ...)
// with an interpreter. Each module lives in its own subpackage.
package stdlib

import (
	"yflow/stdlib/asyncio"
	"yflow/stdlib/collectionsmod"
	"yflow/stdlib/concurrentmod"
	"yflow/stdlib/contextlibmod"
	"yflow/stdlib/copymod"
	"yflow/stdlib/dataclassesmod"
	"yflow/stdlib/functoolsmod"
	"yflow/stdlib/futuremod"
	"yflow/stdlib/inspectmod"
	"yflow/stdlib/itertoolsmod"
	"yflow/stdlib/jsonmod"
	"yflow/stdlib/mathmod"
	"yflow/stdlib/operatormod"
	"yflow/stdlib/osmod"
	"yflow/stdlib/queuemod"
	"yflow/stdlib/randommod"
	"yflow/stdlib/socketmod"
	"yflow/stdlib/stringmod"
	"yflow/stdlib/threadingmod"
	"yflow/stdlib/threadmod"
	"yflow/stdlib/timemod"
	"yflow/stdlib/typesmod"
	"yflow/stdlib/typingmod"
	"yflow/vm"
)

// Register makes every standard module importable in the interpreter.
func Register(in *vm.Interp) {
	in.RegisterNative("math", mathmod.Module)
	in.RegisterNative("asyncio", asyncio.Module)
	in.RegisterNative("time", timemod.Module)
	in.RegisterNative("json", jsonmod.Module)
	in.RegisterNative("random", randommod.Module)
	in.RegisterNative("collections", collectionsmod.Module)
	in.RegisterNative("types", typesmod.Module)
	in.RegisterNative("inspect", inspectmod.Module)
	in.RegisterNative("contextlib", contextlibmod.Module)
	in.RegisterNative("functools", functoolsmod.Module)
	in.RegisterNative("itertools", itertoolsmod.Module)
	in.RegisterNative("operator", operatormod.Module)
	in.RegisterNative("string", stringmod.Module)
	in.RegisterNative("copy", copymod.Module)
	in.RegisterNative("os", osmod.Module)
	in.RegisterNative("__future__", futuremod.Module)
	in.RegisterNative("typing", typingmod.Module)
	in.RegisterNative("_thread", threadmod.Module)
	in.RegisterNative("socket", socketmod.Module)
	in.RegisterNative("dataclasses", dataclassesmod.Module)
	in.RegisterNative("threading", threadingmod.Module)
	in.RegisterNative("queue", queuemod.Module)
	in.RegisterNative("concurrent", concurrentmod.Module)
	in.RegisterNative("concurrent.futures", concurrentmod.FuturesModule)
	in.RegisterNative("concurrent.futures._base", concurrentmod.BaseModule)
	in.RegisterNative("concurrent.futures.thread", concurrentmod.ThreadModule)
}

// Package concurrentmod provides yflow's built-in concurrent package and
// its concurrent.futures package, with the submodules _base (Future,
// Executor, wait, as_completed) and thread (ThreadPoolExecutor). Their
// sources (embedded .yf files) are written in yflow on top of threading
// and queue and are compiled on first import.
package concurrentmod

import (
	_ "embed"
	"runtime"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

var (
	//go:embed futures.yf
	futuresSource []byte
	//go:embed _base.yf
	baseSource []byte
	//go:embed thread.yf
	threadSource []byte
)

// Module builds the concurrent package, an empty namespace whose
// submodules are registered separately ("concurrent.futures", ...).
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("concurrent")
	m.Set("__path__", vm.Obj(vm.NewList(nil)))
	m.Set("__package__", vm.StrValue("concurrent"))
	return m, nil
}

// FuturesModule builds the concurrent.futures package.
func FuturesModule(t *vm.Thread) (*vm.Module, error) {
	return run(t, "concurrent.futures", true, futuresSource, nil)
}

// BaseModule builds concurrent.futures._base.
func BaseModule(t *vm.Thread) (*vm.Module, error) {
	return run(t, "concurrent.futures._base", false, baseSource, nil)
}

// ThreadModule builds concurrent.futures.thread. The default pool size
// needs the CPU count, which the os module does not offer (yet), so the
// module gets a _cpu_count helper.
func ThreadModule(t *vm.Thread) (*vm.Module, error) {
	return run(t, "concurrent.futures.thread", false, threadSource, func(m *vm.Module) {
		modutil.Def(m, "_cpu_count", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs("_cpu_count", args, kw, 0, 0); err != nil {
				return vm.Null, err
			}
			return vm.Int(int64(runtime.NumCPU())), nil
		})
	})
}

// run makes the module name by running src in a fresh namespace. The
// module is in sys.modules while its source runs, as a module imported
// from a file would be, so that the package and its submodules can
// import each other.
func run(t *vm.Thread, name string, isPkg bool, src []byte, prepare func(*vm.Module)) (*vm.Module, error) {
	in := t.Interp()
	m := vm.NewModule(name)
	m.Set("__builtins__", in.BuiltinsModuleValue())
	if isPkg {
		m.Set("__path__", vm.Obj(vm.NewList(nil)))
		m.Set("__package__", vm.StrValue(name))
	} else {
		m.Set("__package__", vm.StrValue("concurrent.futures"))
	}
	if prepare != nil {
		prepare(m)
	}
	code, err := in.Compile("<frozen "+name+">", src, compiler.ModeExec)
	if err != nil {
		return nil, err
	}
	key := vm.StrValue(name)
	in.Modules.SetStr(vm.Intern(name), vm.Obj(m))
	if _, err := t.RunCode(code, m.Dict()); err != nil {
		in.Modules.Delete(t, key)
		return nil, err
	}
	return m, nil
}

// Package asyncio implements yflow's asyncio module. The core — event
// loop, Future, Task, handles, sleep — is native Go (this package); the
// combinators, synchronisation primitives, queues and asyncio.run are
// written in yflow (asyncio.yf, embedded) on top of that core, following
// CPython 3.11's Lib/asyncio.
package asyncio

import (
	_ "embed"
	"os"
	"sync"

	"yflow/lang/compiler"
	"yflow/vm"
)

//go:embed asyncio.yf
var source []byte

// Types of the native objects, made once per process.
var (
	FutureType, TaskType, LoopType, HandleType, TimerHandleType *vm.Type
	futureIterType, sleepType                                   *vm.Type
	CancelledErrorType, InvalidStateErrorType                   *vm.Type
	typesOnce                                                   sync.Once
	typesErr                                                    error
)

// state is one interpreter's asyncio state.
type state struct {
	thread      *vm.Thread
	taskCounter int
	// helpers written in asyncio.yf that loop methods call
	runInExecutor, setDefaultExecutor, shutdownDefaultExecutor, closeDefaultExecutor vm.Value
	shutdownAsyncgens                                                                vm.Value
	debugEnv                                                                         bool
	// the networking helpers (net.go), by loop method name
	netHelpers map[string]vm.Value // asyncio_net.yf's helpers, once it has run
	mod        *vm.Module          // the asyncio module
}

var states sync.Map // *vm.Interp -> *state

// threadState is asyncio's per-thread state: the loop running on the
// thread and the one set_event_loop made current there.
type threadState struct {
	running *Loop
	current vm.Value
}

// ts is t's threadState.
func ts(t *vm.Thread) *threadState {
	if s, ok := t.Ext().(*threadState); ok {
		return s
	}
	s := &threadState{current: vm.Null}
	t.SetExt(s)
	return s
}

func stateOf(t *vm.Thread) *state {
	if s, ok := states.Load(t.Interp()); ok {
		return s.(*state)
	}
	s := &state{thread: t, debugEnv: os.Getenv("YFLOW_ASYNCIO_DEBUG") != "" && os.Getenv("YFLOW_ASYNCIO_DEBUG") != "0"}
	states.Store(t.Interp(), s)
	return s
}

// Module builds the asyncio module.
func Module(t *vm.Thread) (*vm.Module, error) {
	typesOnce.Do(func() { typesErr = initTypes(t) })
	if typesErr != nil {
		return nil, typesErr
	}
	st := stateOf(t)
	m := vm.NewModule("asyncio")
	m.Set("__builtins__", t.Interp().BuiltinsModuleValue())
	for name, typ := range map[string]*vm.Type{
		"Future": FutureType, "Task": TaskType, "Handle": HandleType, "TimerHandle": TimerHandleType,
		"AbstractEventLoop": LoopType, "BaseEventLoop": LoopType, "SelectorEventLoop": LoopType,
		"CancelledError": CancelledErrorType, "InvalidStateError": InvalidStateErrorType,
		"TimeoutError": vm.TimeoutErrorType,
	} {
		m.Set(name, vm.Obj(typ))
	}
	defineFunctions(m, st)
	defineErrno(m)
	def(m, "_load_net", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		loaded, err := st.ensureNet(t)
		return vm.Bool(loaded), err
	})
	code, err := t.Interp().Compile("<frozen asyncio>", source, compiler.ModeExec)
	if err != nil {
		return nil, err
	}
	if _, err := t.RunCode(code, m.Dict()); err != nil {
		return nil, err
	}
	helper := func(name string) vm.Value {
		v, _ := m.Dict().GetStr(vm.Intern(name))
		return v
	}
	st.runInExecutor = helper("_run_in_executor")
	st.setDefaultExecutor = helper("_set_default_executor")
	st.shutdownDefaultExecutor = helper("_shutdown_default_executor")
	st.closeDefaultExecutor = helper("_close_default_executor")
	st.shutdownAsyncgens = helper("_shutdown_asyncgens")
	st.mod = m
	return m, nil
}

func def(m *vm.Module, name string, fn vm.BuiltinFn) {
	m.Set(name, vm.Obj(vm.NewBuiltin(name, fn)))
}

// getEventLoop is asyncio.get_event_loop(): the running loop, else the
// current one (created on first use).
func (st *state) getEventLoop(t *vm.Thread) (*Loop, error) {
	if ts(t).running != nil {
		return ts(t).running, nil
	}
	if ts(t).current.IsNull() && t.Serial() == 0 {
		l := newLoop(st)
		ts(t).current = vm.Obj(l)
		return l, nil
	}
	if l, ok := ts(t).current.Object().(*Loop); ok {
		return l, nil
	}
	return nil, vm.Errorf(vm.RuntimeErrorType, "There is no current event loop in thread %s.", threadName(t))
}

// threadName is repr(threading.current_thread().name).
func threadName(t *vm.Thread) string {
	name := vm.StrValue("MainThread")
	if m, ok := t.Interp().Modules.GetStr(vm.Intern("threading")); ok {
		if cur, err := t.CallMethod(m, "current_thread", nil, nil); err == nil {
			if n, err := t.GetAttr(cur, vm.Intern("name")); err == nil {
				name = n
			}
		}
	}
	r, err := t.Repr(name)
	if err != nil {
		return "'?'"
	}
	return r
}

// loopArg resolves an optional loop= argument.
func (st *state) loopArg(t *vm.Thread, v vm.Value) (*Loop, error) {
	if v.IsNull() || v.IsNone() {
		return st.getEventLoop(t)
	}
	if l, ok := v.Object().(*Loop); ok {
		return l, nil
	}
	return nil, vm.Errorf(vm.TypeErrorType, "expected an event loop, got %s", v.Type().Name)
}

func runningLoop(t *vm.Thread) (*Loop, error) {
	if ts(t).running == nil {
		return nil, vm.Errorf(vm.RuntimeErrorType, "no running event loop")
	}
	return ts(t).running, nil
}

// ensureFuture is asyncio.ensure_future for futures and coroutines.
func (st *state) ensureFuture(t *vm.Thread, v vm.Value, loopV vm.Value) (vm.Value, error) {
	if f := futureOf(v); f != nil {
		if !loopV.IsNull() && !loopV.IsNone() && loopV.Object() != f.loop {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "The future belongs to a different loop than the one specified as the loop argument")
		}
		return v, nil
	}
	if isCoroutine(v) {
		l, err := st.loopArg(t, loopV)
		if err != nil {
			return vm.Null, err
		}
		tk, err := l.newTask(t, v, vm.Null)
		if err != nil {
			return vm.Null, err
		}
		return tk.value(), nil
	}
	return vm.Null, vm.Errorf(vm.TypeErrorType, "An asyncio.Future, a coroutine or an awaitable is required")
}

func defineFunctions(m *vm.Module, st *state) {
	def(m, "get_event_loop", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("get_event_loop", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		l, err := st.getEventLoop(t)
		if err != nil {
			return vm.Null, err
		}
		return vm.Obj(l), nil
	})
	def(m, "new_event_loop", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("new_event_loop", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return vm.Obj(newLoop(st)), nil
	})
	def(m, "set_event_loop", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("set_event_loop", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if _, ok := args[0].Object().(*Loop); !ok && !args[0].IsNone() {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "loop must be an instance of AbstractEventLoop or None, not '%s'", args[0].Type().Name)
		}
		ts(t).current = args[0]
		return vm.None, nil
	})
	def(m, "get_running_loop", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("get_running_loop", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		l, err := runningLoop(t)
		if err != nil {
			return vm.Null, err
		}
		return vm.Obj(l), nil
	})
	def(m, "_get_running_loop", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if ts(t).running == nil {
			return vm.None, nil
		}
		return vm.Obj(ts(t).running), nil
	})
	def(m, "current_task", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var lv vm.Value
		if err := vm.UnpackArgs("current_task", args, kw, []string{"loop"}, 0, &lv); err != nil {
			return vm.Null, err
		}
		var l *Loop
		if lv.IsNull() || lv.IsNone() {
			var err error
			if l, err = runningLoop(t); err != nil {
				return vm.Null, err
			}
		} else if l, _ = lv.Object().(*Loop); l == nil {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "expected an event loop")
		}
		if l.current == nil {
			return vm.None, nil
		}
		return l.current.value(), nil
	})
	def(m, "all_tasks", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var lv vm.Value
		if err := vm.UnpackArgs("all_tasks", args, kw, []string{"loop"}, 0, &lv); err != nil {
			return vm.Null, err
		}
		var l *Loop
		if lv.IsNull() || lv.IsNone() {
			var err error
			if l, err = runningLoop(t); err != nil {
				return vm.Null, err
			}
		} else if l, _ = lv.Object().(*Loop); l == nil {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "expected an event loop")
		}
		set := vm.NewSet()
		for _, tk := range l.tasks.all() {
			if !tk.done() {
				if err := set.Add(t, tk.value()); err != nil {
					return vm.Null, err
				}
			}
		}
		return vm.Obj(set), nil
	})
	def(m, "sleep", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var d, r vm.Value
		if err := vm.UnpackArgs("sleep", args, kw, []string{"delay", "result"}, 1, &d, &r); err != nil {
			return vm.Null, err
		}
		secs, err := seconds(t, d)
		if err != nil {
			return vm.Null, err
		}
		if r.IsNull() {
			r = vm.None
		}
		return vm.Obj(&sleepCoro{st: st, delay: secs, result: r}), nil
	})
	def(m, "ensure_future", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var v, lv vm.Value
		if err := vm.UnpackArgs("ensure_future", args, kw, []string{"coro_or_future", "loop"}, 1, &v, &lv); err != nil {
			return vm.Null, err
		}
		r, err := st.ensureFuture(t, v, lv)
		if err != nil && !isCoroutine(v) && futureOf(v) == nil {
			// other awaitables: wrapped in a coroutine by asyncio.yf
			if w, ok := m.Dict().GetStr(vm.Intern("_wrap_awaitable")); ok {
				if _, e := t.GetAttr(v, vm.Intern("__await__")); e == nil {
					c, e := t.Call(w, []vm.Value{v}, nil)
					if e != nil {
						return vm.Null, e
					}
					return st.ensureFuture(t, c, lv)
				}
			}
		}
		return r, err
	})
	def(m, "iscoroutine", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("iscoroutine", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		return vm.Bool(isCoroutine(args[0])), nil
	})
	def(m, "isfuture", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("isfuture", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if futureOf(args[0]) != nil {
			return vm.True, nil
		}
		b, err := t.GetAttr(args[0], vm.Intern("_asyncio_future_blocking"))
		return vm.Bool(err == nil && !b.IsNone()), nil
	})
	def(m, "_set_debug_default", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Bool(st.debugEnv), nil
	})
}

// loopmethods.go defines the event loop's Python methods: scheduling
// (call_soon, call_later, call_at, call_soon_threadsafe), running
// (run_until_complete, run_forever, stop, close), futures and tasks,
// debug settings, exception handlers, and fd readers/writers.

package asyncio

import (
	"yflow/vm"
)

func selfLoop(name string, self vm.Value) (*Loop, error) {
	l, ok := self.Object().(*Loop)
	if !ok {
		return nil, vm.DescriptorError(name, LoopType, self)
	}
	return l, nil
}

func loopMethod(name string, f func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error)) {
	method(LoopType, name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		l, err := selfLoop(name, self)
		if err != nil {
			return vm.Null, err
		}
		return f(t, l, args, kw)
	})
}

func loopNoArgs(name string, f func(t *vm.Thread, l *Loop) (vm.Value, error)) {
	loopMethod(name, func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs(name, args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return f(t, l)
	})
}

// callbackArgs splits (callback, *args, context=None).
func callbackArgs(name string, nfixed int, args []vm.Value, kw []*vm.Str) ([]vm.Value, vm.Value, []vm.Value, error) {
	pos, _, err := kwArgs(name, args, kw, "context")
	if err != nil {
		return nil, vm.Null, nil, err
	}
	if len(pos) < nfixed+1 {
		return nil, vm.Null, nil, vm.Errorf(vm.TypeErrorType, "%s() missing required argument", name)
	}
	cb := pos[nfixed]
	if !vm.Callable(cb) {
		return nil, vm.Null, nil, vm.Errorf(vm.TypeErrorType, "a callable object was expected by %s(), got %s", name, reprNoErr(cb))
	}
	var rest []vm.Value
	if len(pos) > nfixed+1 {
		rest = append([]vm.Value(nil), pos[nfixed+1:]...)
	}
	return pos[:nfixed], cb, rest, nil
}

func reprNoErr(v vm.Value) string {
	if s, ok := v.AsStr(); ok {
		return "'" + s.String() + "'"
	}
	return v.Type().Name
}

func initLoop() {
	loopNoArgs("time", func(t *vm.Thread, l *Loop) (vm.Value, error) { return vm.Float(l.time()), nil })
	loopMethod("call_soon", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		_, cb, rest, err := callbackArgs("call_soon", 0, args, kw)
		if err != nil {
			return vm.Null, err
		}
		if err := l.checkClosed(); err != nil {
			return vm.Null, err
		}
		h := &Handle{loop: l, fn: cb, args: rest}
		l.callSoon(h)
		return vm.Obj(h), nil
	})
	loopMethod("call_soon_threadsafe", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		_, cb, rest, err := callbackArgs("call_soon_threadsafe", 0, args, kw)
		if err != nil {
			return vm.Null, err
		}
		if err := l.checkClosed(); err != nil {
			return vm.Null, err
		}
		h := &Handle{loop: l, fn: cb, args: rest}
		return vm.Obj(h), l.callSoonThreadsafe(h)
	})
	timer := func(name string, relative bool) {
		loopMethod(name, func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			fixed, cb, rest, err := callbackArgs(name, 1, args, kw)
			if err != nil {
				return vm.Null, err
			}
			if err := l.checkClosed(); err != nil {
				return vm.Null, err
			}
			when, err := seconds(t, fixed[0])
			if err != nil {
				return vm.Null, err
			}
			if relative {
				when += l.time()
			}
			th := newTimer(l, when, cb, rest)
			l.callAt(th)
			return vm.Obj(th), nil
		})
	}
	timer("call_later", true)
	timer("call_at", false)
	loopMethod("run_until_complete", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("run_until_complete", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		return l.runUntilComplete(t, args[0])
	})
	loopNoArgs("run_forever", func(t *vm.Thread, l *Loop) (vm.Value, error) { return vm.None, l.runForever(t) })
	loopNoArgs("stop", func(t *vm.Thread, l *Loop) (vm.Value, error) {
		l.stopping = true
		return vm.None, nil
	})
	loopNoArgs("close", func(t *vm.Thread, l *Loop) (vm.Value, error) { return vm.None, l.close(t) })
	loopNoArgs("is_running", func(t *vm.Thread, l *Loop) (vm.Value, error) { return vm.Bool(l.running), nil })
	loopNoArgs("is_closed", func(t *vm.Thread, l *Loop) (vm.Value, error) { return vm.Bool(l.closed), nil })
	loopNoArgs("get_debug", func(t *vm.Thread, l *Loop) (vm.Value, error) { return vm.Bool(l.debug), nil })
	loopMethod("set_debug", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("set_debug", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		b, err := t.Truth(args[0])
		l.debug = b
		return vm.None, err
	})
	getter(LoopType, "slow_callback_duration", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		l, err := selfLoop("slow_callback_duration", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(l.slowCallback), nil
	}, func(t *vm.Thread, self, v vm.Value) error {
		l, err := selfLoop("slow_callback_duration", self)
		if err != nil {
			return err
		}
		l.slowCallback, err = seconds(t, v)
		return err
	})
	loopNoArgs("create_future", func(t *vm.Thread, l *Loop) (vm.Value, error) { return newFuture(l).value(), nil })
	loopMethod("create_task", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		pos, kws, err := kwArgs("create_task", args, kw, "name", "context")
		if err != nil {
			return vm.Null, err
		}
		if len(pos) != 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "create_task() takes exactly 1 positional argument (%d given)", len(pos))
		}
		tk, err := l.newTask(t, pos[0], kws[0])
		if err != nil {
			return vm.Null, err
		}
		return tk.value(), nil
	})
	loopMethod("set_exception_handler", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("set_exception_handler", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if !args[0].IsNone() && !vm.Callable(args[0]) {
			r, _ := t.Repr(args[0])
			return vm.Null, vm.Errorf(vm.TypeErrorType, "A callable object or None is expected, got %s", r)
		}
		l.excHandler = args[0]
		return vm.None, nil
	})
	loopNoArgs("get_exception_handler", func(t *vm.Thread, l *Loop) (vm.Value, error) {
		if l.excHandler.IsNull() {
			return vm.None, nil
		}
		return l.excHandler, nil
	})
	ctxArg := func(name string, args []vm.Value, kw []*vm.Str) (*vm.Dict, error) {
		if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
			return nil, err
		}
		d, ok := args[0].Object().(*vm.Dict)
		if !ok {
			return nil, vm.Errorf(vm.TypeErrorType, "context must be a dict")
		}
		return d, nil
	}
	loopMethod("call_exception_handler", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := ctxArg("call_exception_handler", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.None, l.callExceptionHandler(t, d)
	})
	loopMethod("default_exception_handler", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := ctxArg("default_exception_handler", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.None, l.defaultExceptionHandler(t, d)
	})
	fdMethod := func(name string, read, add bool) {
		loopMethod(name, func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args) < 1 || len(kw) > 0 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "%s() missing required argument 'fd'", name)
			}
			fdv := args[0]
			if !vm.IsIntLike(fdv) {
				v, err := t.CallMethod(fdv, "fileno", nil, nil)
				if err != nil {
					return vm.Null, err
				}
				fdv = v
			}
			fd, err := t.Index(fdv)
			if err != nil {
				return vm.Null, err
			}
			if !add {
				return vm.Bool(l.removeFd(int(fd), read)), nil
			}
			_, cb, rest, err := callbackArgs(name, 1, args, kw)
			if err != nil {
				return vm.Null, err
			}
			return vm.None, l.addFd(int(fd), &Handle{loop: l, fn: cb, args: rest}, read)
		})
	}
	fdMethod("add_reader", true, true)
	fdMethod("remove_reader", true, false)
	fdMethod("add_writer", false, true)
	fdMethod("remove_writer", false, false)
	loopNoArgs("shutdown_asyncgens", func(t *vm.Thread, l *Loop) (vm.Value, error) {
		// close the async generators still alive (asyncio.yf's helper)
		l.asyncgensShutdown = true
		var live []vm.Value
		for _, a := range l.asyncgens {
			if g, ok := vm.AsGenerator(a); !ok || !g.Done() {
				live = append(live, a)
			}
		}
		l.asyncgens = nil
		return t.Call(l.st.shutdownAsyncgens, []vm.Value{vm.Obj(l), vm.Obj(vm.NewList(live))}, nil)
	})
	// the thread-pool methods call helpers written in asyncio.yf
	loopMethod("run_in_executor", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("run_in_executor", args, kw, 2, -1); err != nil {
			return vm.Null, err
		}
		if err := l.checkClosed(); err != nil {
			return vm.Null, err
		}
		return t.Call(l.st.runInExecutor, append([]vm.Value{vm.Obj(l)}, args...), nil)
	})
	loopMethod("set_default_executor", func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("set_default_executor", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		return t.Call(l.st.setDefaultExecutor, []vm.Value{vm.Obj(l), args[0]}, nil)
	})
	loopNoArgs("shutdown_default_executor", func(t *vm.Thread, l *Loop) (vm.Value, error) {
		return t.Call(l.st.shutdownDefaultExecutor, []vm.Value{vm.Obj(l)}, nil)
	})
	notYet := func(name, why string) {
		loopMethod(name, func(t *vm.Thread, l *Loop, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return vm.Null, vm.Errorf(vm.NotImplementedErrorType, "loop.%s() is not implemented yet in yflow (%s)", name, why)
		})
	}
	for _, n := range []string{"connect_read_pipe", "connect_write_pipe"} {
		notYet(n, "pipes are not implemented")
	}
	method(LoopType, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		l, err := selfLoop("__repr__", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue("<_UnixSelectorEventLoop running=" + pyBool(l.running) + " closed=" + pyBool(l.closed) + " debug=" + pyBool(l.debug) + ">"), nil
	})
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// runUntilComplete is loop.run_until_complete(future).
func (l *Loop) runUntilComplete(t *vm.Thread, v vm.Value) (vm.Value, error) {
	if err := l.checkClosed(); err != nil {
		return vm.Null, err
	}
	if l.running {
		return vm.Null, vm.Errorf(vm.RuntimeErrorType, "This event loop is already running")
	}
	if ts(t).running != nil {
		return vm.Null, vm.Errorf(vm.RuntimeErrorType, "Cannot run the event loop while another loop is running")
	}
	newTask := futureOf(v) == nil
	fv, err := l.st.ensureFuture(t, v, vm.Obj(l))
	if err != nil {
		return vm.Null, err
	}
	f := futureOf(fv)
	if f == nil {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "An asyncio.Future, a coroutine or an awaitable is required")
	}
	stopper := vm.Obj(vm.NewBuiltin("_run_until_complete_cb", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		f.loop.stopping = true
		return vm.None, nil
	}))
	f.addCallback(callback{fn: stopper})
	runErr := l.runForever(t)
	removeCallback(f, stopper)
	if runErr != nil {
		if newTask && f.done() && f.state != stateCancelled {
			f.flags &^= flagLogTB
		}
		return vm.Null, runErr
	}
	if !f.done() {
		return vm.Null, vm.Errorf(vm.RuntimeErrorType, "Event loop stopped before Future completed.")
	}
	return f.getResult()
}

// removeCallback removes the first done callback that is fn itself.
func removeCallback(f *Future, fn vm.Value) {
	if f.x == nil {
		return
	}
	for i, cb := range f.x.cbs {
		if cb.task == nil && cb.fn.Is(fn) {
			f.x.cbs = append(f.x.cbs[:i], f.x.cbs[i+1:]...)
			return
		}
	}
}

// types.go defines the Python-visible types of the native core —
// Future, Task, the future iterator, the sleep coroutine, Handle,
// TimerHandle and the event loop — and their methods.

package asyncio

import (
	"yflow/vm"
)

type fn = vm.BuiltinFn

func method(typ *vm.Type, name string, f fn) { vm.AddMethod(typ, name, f) }

func getter(typ *vm.Type, name string, get func(t *vm.Thread, self vm.Value) (vm.Value, error), set func(t *vm.Thread, self, v vm.Value) error) {
	g := vm.Obj(vm.NewBuiltin(name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if len(args) != 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "%s getter takes one argument", name)
		}
		return get(t, args[0])
	}))
	s := vm.Null
	if set != nil {
		s = vm.Obj(vm.NewBuiltin(name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if len(args) != 2 {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "%s setter takes two arguments", name)
			}
			return vm.None, set(t, args[0], args[1])
		}))
	}
	vm.SetClassAttr(typ, name, vm.NewProperty(g, s))
}

func noArgs(name string, f func(t *vm.Thread, self vm.Value) (vm.Value, error)) fn {
	return func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs(name, args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return f(t, self)
	}
}

func initTypes(t *vm.Thread) error {
	var err error
	CancelledErrorType, err = vm.NewClass(t, "CancelledError", "asyncio.exceptions", []*vm.Type{vm.BaseExceptionType}, nil)
	if err != nil {
		return err
	}
	InvalidStateErrorType, err = vm.NewClass(t, "InvalidStateError", "asyncio.exceptions", []*vm.Type{vm.ExceptionType}, nil)
	if err != nil {
		return err
	}
	FutureType = vm.NewBuiltinType("Future", "_asyncio", nil)
	TaskType = vm.NewBuiltinType("Task", "_asyncio", FutureType)
	futureIterType = vm.NewBuiltinType("FutureIter", "_asyncio", nil)
	sleepType = vm.NewBuiltinType("coroutine", "builtins", nil)
	HandleType = vm.NewBuiltinType("Handle", "asyncio.events", nil)
	TimerHandleType = vm.NewBuiltinType("TimerHandle", "asyncio.events", HandleType)
	LoopType = vm.NewBuiltinType("_UnixSelectorEventLoop", "asyncio.unix_events", nil)
	initFuture()
	initTask()
	initIters()
	initHandles()
	initLoop()
	initNet()
	return nil
}

func selfFuture(name string, self vm.Value) (*Future, error) {
	f := futureOf(self)
	if f == nil {
		return nil, vm.DescriptorError(name, FutureType, self)
	}
	return f, nil
}

func initFuture() {
	typ := FutureType
	vm.SetTypeNew(typ, func(t *vm.Thread, cls *vm.Type, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		pos, kws, err := kwArgs("Future", args, kw, "loop")
		if err != nil {
			return vm.Null, err
		}
		if len(pos) > 0 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Future() takes no positional arguments")
		}
		l, err := stateOf(t).loopArg(t, kws[0])
		if err != nil {
			return vm.Null, err
		}
		return newFuture(l).value(), nil
	})
	fm := func(name string, minA, maxA int, f func(t *vm.Thread, fu *Future, self vm.Value, args []vm.Value) (vm.Value, error)) {
		method(typ, name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			fu, err := selfFuture(name, self)
			if err != nil {
				return vm.Null, err
			}
			if err := vm.CheckArgs(name, args, kw, minA, maxA); err != nil {
				return vm.Null, err
			}
			return f(t, fu, self, args)
		})
	}
	fm("result", 0, 0, func(t *vm.Thread, f *Future, _ vm.Value, _ []vm.Value) (vm.Value, error) { return f.getResult() })
	fm("exception", 0, 0, func(t *vm.Thread, f *Future, _ vm.Value, _ []vm.Value) (vm.Value, error) {
		switch f.state {
		case stateCancelled:
			return vm.Null, f.makeCancelledError()
		case statePending:
			return vm.Null, vm.Errorf(InvalidStateErrorType, "Exception is not set.")
		}
		f.flags &^= flagLogTB
		if e := f.exception(); e != nil {
			return vm.Obj(e), nil
		}
		return vm.None, nil
	})
	fm("_set_cancel_hook", 1, 1, func(t *vm.Thread, f *Future, _ vm.Value, a []vm.Value) (vm.Value, error) {
		f.ext().cancelHook = a[0]
		return vm.None, nil
	})
	fm("_make_cancelled_error", 0, 0, func(t *vm.Thread, f *Future, _ vm.Value, _ []vm.Value) (vm.Value, error) {
		return vm.Obj(f.makeCancelledError()), nil
	})
	fm("_cancel_and_mark", 1, 1, func(t *vm.Thread, f *Future, _ vm.Value, a []vm.Value) (vm.Value, error) {
		return vm.Bool(f.cancelFuture(a[0])), nil
	})
	fm("done", 0, 0, func(t *vm.Thread, f *Future, _ vm.Value, _ []vm.Value) (vm.Value, error) {
		return vm.Bool(f.done()), nil
	})
	fm("cancelled", 0, 0, func(t *vm.Thread, f *Future, _ vm.Value, _ []vm.Value) (vm.Value, error) {
		return vm.Bool(f.state == stateCancelled), nil
	})
	fm("get_loop", 0, 0, func(t *vm.Thread, f *Future, _ vm.Value, _ []vm.Value) (vm.Value, error) { return vm.Obj(f.loop), nil })
	fm("set_result", 1, 1, func(t *vm.Thread, f *Future, _ vm.Value, a []vm.Value) (vm.Value, error) {
		return vm.None, f.setResult(t, a[0])
	})
	fm("set_exception", 1, 1, func(t *vm.Thread, f *Future, _ vm.Value, a []vm.Value) (vm.Value, error) {
		if f.state != statePending {
			return vm.Null, f.invalidState(t)
		}
		ev := a[0]
		if cls, ok := ev.Object().(*vm.Type); ok {
			v, err := t.Call(vm.Obj(cls), nil, nil)
			if err != nil {
				return vm.Null, err
			}
			ev = v
		}
		e, ok := ev.Object().(*vm.Exception)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "exception must be a BaseException instance")
		}
		if e.Class() == vm.StopIterationType {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "StopIteration interacts badly with generators and cannot be raised into a Future")
		}
		return vm.None, f.setException(t, e)
	})
	method(typ, "cancel", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var msg vm.Value
		if err := vm.UnpackArgs("cancel", args, kw, []string{"msg"}, 0, &msg); err != nil {
			return vm.Null, err
		}
		if msg.IsNull() {
			msg = vm.None
		}
		if tk, ok := self.Object().(*Task); ok {
			return vm.Bool(tk.cancel(msg)), nil
		}
		if _, err := selfFuture("cancel", self); err != nil {
			return vm.Null, err
		}
		ok, err := cancelValue(t, self, msg)
		return vm.Bool(ok), err
	})
	method(typ, "add_done_callback", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		f, err := selfFuture("add_done_callback", self)
		if err != nil {
			return vm.Null, err
		}
		pos, _, err := kwArgs("add_done_callback", args, kw, "context")
		if err != nil {
			return vm.Null, err
		}
		if len(pos) != 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "add_done_callback() takes exactly 1 positional argument (%d given)", len(pos))
		}
		f.addCallback(callback{fn: pos[0]})
		return vm.None, nil
	})
	fm("remove_done_callback", 1, 1, func(t *vm.Thread, f *Future, _ vm.Value, a []vm.Value) (vm.Value, error) {
		all := f.callbacks()
		kept := all[:0]
		n := 0
		for _, cb := range all {
			if cb.task == nil {
				eq, err := t.Equal(cb.fn, a[0])
				if err != nil {
					return vm.Null, err
				}
				if eq {
					n++
					continue
				}
			}
			kept = append(kept, cb)
		}
		f.setCallbacks(kept)
		return vm.Int(int64(n)), nil
	})
	iter := func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		f, err := selfFuture("__await__", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Obj(&futureIter{fut: f}), nil
	}
	method(typ, "__await__", iter)
	method(typ, "__iter__", iter)
	method(typ, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		r, err := reprOf(t, self)
		return vm.StrValue(r), err
	})
	getter(typ, "_asyncio_future_blocking", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		f, err := selfFuture("_asyncio_future_blocking", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Bool(f.blocking()), nil
	}, func(t *vm.Thread, self, v vm.Value) error {
		f, err := selfFuture("_asyncio_future_blocking", self)
		if err != nil {
			return err
		}
		b, err := t.Truth(v)
		f.setFlag(flagBlocking, b)
		return err
	})
	getter(typ, "_loop", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		f, err := selfFuture("_loop", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Obj(f.loop), nil
	}, nil)
	getter(typ, "_cancel_message", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		f, err := selfFuture("_cancel_message", self)
		if err != nil {
			return vm.Null, err
		}
		return f.cancelMsg(), nil
	}, nil)
	getter(typ, "_state", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		f, err := selfFuture("_state", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue(stateNames[f.state]), nil
	}, nil)
	getter(typ, "_log_traceback", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		f, err := selfFuture("_log_traceback", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Bool(f.logTB()), nil
	}, func(t *vm.Thread, self, v vm.Value) error {
		f, err := selfFuture("_log_traceback", self)
		if err != nil {
			return err
		}
		if b, _ := t.Truth(v); b {
			return vm.Errorf(vm.ValueErrorType, "_log_traceback can only be set to False")
		}
		f.flags &^= flagLogTB
		return nil
	})
}

func selfTask(name string, self vm.Value) (*Task, error) {
	tk, ok := self.Object().(*Task)
	if !ok {
		return nil, vm.DescriptorError(name, TaskType, self)
	}
	return tk, nil
}

func initTask() {
	typ := TaskType
	vm.SetTypeNew(typ, func(t *vm.Thread, cls *vm.Type, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		pos, kws, err := kwArgs("Task", args, kw, "loop", "name", "context")
		if err != nil {
			return vm.Null, err
		}
		if len(pos) != 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Task() takes exactly 1 positional argument (%d given)", len(pos))
		}
		l, err := stateOf(t).loopArg(t, kws[0])
		if err != nil {
			return vm.Null, err
		}
		tk, err := l.newTask(t, pos[0], kws[1])
		if err != nil {
			return vm.Null, err
		}
		return tk.value(), nil
	})
	tm := func(name string, f func(t *vm.Thread, tk *Task) (vm.Value, error)) {
		method(typ, name, noArgs(name, func(t *vm.Thread, self vm.Value) (vm.Value, error) {
			tk, err := selfTask(name, self)
			if err != nil {
				return vm.Null, err
			}
			return f(t, tk)
		}))
	}
	tm("get_name", func(t *vm.Thread, tk *Task) (vm.Value, error) { return tk.getName(), nil })
	tm("get_coro", func(t *vm.Thread, tk *Task) (vm.Value, error) { return tk.coro(), nil })
	tm("cancelling", func(t *vm.Thread, tk *Task) (vm.Value, error) { return vm.Int(int64(tk.numCancels)), nil })
	tm("uncancel", func(t *vm.Thread, tk *Task) (vm.Value, error) {
		if tk.numCancels > 0 {
			tk.numCancels--
		}
		return vm.Int(int64(tk.numCancels)), nil
	})
	tm("get_context", func(t *vm.Thread, tk *Task) (vm.Value, error) { return vm.None, nil })
	method(typ, "set_name", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		tk, err := selfTask("set_name", self)
		if err != nil {
			return vm.Null, err
		}
		if err := vm.CheckArgs("set_name", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		s, err := t.StrValueOf(args[0])
		if err != nil {
			return vm.Null, err
		}
		tk.ext().name = s
		return vm.None, nil
	})
	getter(typ, "_coro", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		tk, err := selfTask("_coro", self)
		if err != nil {
			return vm.Null, err
		}
		return tk.coro(), nil
	}, nil)
	getter(typ, "_fut_waiter", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		tk, err := selfTask("_fut_waiter", self)
		if err != nil {
			return vm.Null, err
		}
		if w := tk.waiterValue(); !w.IsNull() {
			return w, nil
		}
		return vm.None, nil
	}, nil)
	getter(typ, "_must_cancel", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		tk, err := selfTask("_must_cancel", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Bool(tk.mustCancel()), nil
	}, nil)
}

func initIters() {
	step := func(t *vm.Thread, self vm.Value, v vm.Value, exc *vm.Exception) (vm.Value, error) {
		st, ok := self.Object().(vm.YieldFromStepper)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "bad iterator")
		}
		r, done, err := st.StepYieldFrom(t, v, exc)
		if err != nil {
			return vm.Null, err
		}
		if done {
			if r.IsNull() || r.IsNone() {
				return vm.Null, vm.NewException(vm.StopIterationType)
			}
			return vm.Null, vm.NewException(vm.StopIterationType, r)
		}
		return r, nil
	}
	for _, typ := range []*vm.Type{futureIterType, sleepType} {
		typ := typ
		self := func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) { return self, nil }
		method(typ, "__iter__", self)
		method(typ, "__await__", self)
		method(typ, "__next__", func(t *vm.Thread, s vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			return step(t, s, vm.None, nil)
		})
		method(typ, "send", func(t *vm.Thread, s vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs("send", args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			return step(t, s, args[0], nil)
		})
		method(typ, "throw", func(t *vm.Thread, s vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs("throw", args, kw, 1, 3); err != nil {
				return vm.Null, err
			}
			ev := args[0]
			if cls, ok := ev.Object().(*vm.Type); ok {
				var cargs []vm.Value
				if len(args) > 1 && !args[1].IsNone() {
					cargs = []vm.Value{args[1]}
				}
				v, err := t.Call(vm.Obj(cls), cargs, nil)
				if err != nil {
					return vm.Null, err
				}
				ev = v
			}
			e, ok := ev.Object().(*vm.Exception)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "exceptions must derive from BaseException")
			}
			return step(t, s, vm.Null, e)
		})
		method(typ, "close", func(t *vm.Thread, s vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if sc, ok := s.Object().(*sleepCoro); ok {
				sc.close()
			}
			return vm.None, nil
		})
	}
	method(sleepType, "__repr__", func(t *vm.Thread, s vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.StrValue("<coroutine object sleep>"), nil
	})
	getter(sleepType, "__qualname__", func(t *vm.Thread, self vm.Value) (vm.Value, error) { return vm.StrValue("sleep"), nil }, nil)
	getter(sleepType, "__name__", func(t *vm.Thread, self vm.Value) (vm.Value, error) { return vm.StrValue("sleep"), nil }, nil)
}

func selfHandle(name string, self vm.Value) (*Handle, error) {
	switch h := self.Object().(type) {
	case *Handle:
		return h, nil
	case *TimerHandle:
		return &h.Handle, nil
	}
	return nil, vm.DescriptorError(name, HandleType, self)
}

func initHandles() {
	method(HandleType, "cancel", noArgs("cancel", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		h, err := selfHandle("cancel", self)
		if err != nil {
			return vm.Null, err
		}
		h.cancel()
		return vm.None, nil
	}))
	method(HandleType, "cancelled", noArgs("cancelled", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		h, err := selfHandle("cancelled", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.Bool(h.cancelled), nil
	}))
	method(HandleType, "get_context", noArgs("get_context", func(t *vm.Thread, self vm.Value) (vm.Value, error) { return vm.None, nil }))
	method(HandleType, "_run", noArgs("_run", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		h, err := selfHandle("_run", self)
		if err != nil {
			return vm.Null, err
		}
		return vm.None, h.run(t)
	}))
	method(HandleType, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		r, err := reprOf(t, self)
		return vm.StrValue(r), err
	})
	method(TimerHandleType, "when", noArgs("when", func(t *vm.Thread, self vm.Value) (vm.Value, error) {
		th, ok := self.Object().(*TimerHandle)
		if !ok {
			return vm.Null, vm.DescriptorError("when", TimerHandleType, self)
		}
		return vm.Float(th.when), nil
	}))
}

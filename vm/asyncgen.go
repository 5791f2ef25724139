// asyncgen.go implements asynchronous generators (PEP 525): an `async def`
// containing `yield`. Its frame is an ordinary generator frame; a value
// produced by `yield` is wrapped (asyncGenWrapped) so that the awaitables
// returned by __anext__/asend/athrow/aclose can tell it from a future the
// generator's `await` passes up to the event loop.

package vm

// asyncGenWrapped marks a value yielded by an async generator's `yield`.
type asyncGenWrapped struct{ v Value }

var asyncGenWrappedType *Type

// Type implements Object.
func (*asyncGenWrapped) Type() *Type { return asyncGenWrappedType }

// AsyncGeneratorType is the type of async generator objects.
var AsyncGeneratorType *Type

// asyncGenOp is the awaitable of one __anext__/asend/athrow/aclose call.
type asyncGenOp struct {
	g       *Generator
	send    Value      // the value to send first (asend)
	exc     *Exception // the exception to throw first (athrow/aclose)
	closing bool       // aclose()
	started bool
	done    bool
}

var asyncGenOpType *Type

// Type implements Object.
func (*asyncGenOp) Type() *Type { return asyncGenOpType }

// step resumes the async generator for op: sending v or throwing exc. It
// returns a value to pass up to the awaiting task, or an error: a
// StopIteration carrying the produced item (or the close result), or
// StopAsyncIteration when the generator finished.
func (t *Thread) asyncGenStep(op *asyncGenOp, v Value, exc *Exception) (Value, error) {
	if op.done {
		return Null, Errorf(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	}
	g := op.g
	if !op.started {
		op.started = true
		if op.exc != nil {
			exc = op.exc
		} else if op.send.o != nil {
			v = op.send
		}
		if g.done {
			op.done = true
			if op.closing {
				return Null, NewException(StopIterationType)
			}
			if exc != nil && op.exc != nil {
				return Null, exc
			}
			return Null, NewException(StopAsyncIterationType)
		}
	}
	var r Value
	var finished bool
	var err error
	if exc != nil {
		if !g.started {
			g.started = true
			t.finish(g)
			op.done = true
			if op.closing {
				return Null, NewException(StopIterationType)
			}
			return Null, exc
		}
		r, finished, err = t.resume(g, Null, exc)
	} else {
		r, finished, err = t.resume(g, v, nil)
	}
	if err != nil {
		op.done = true
		if e, ok := err.(*Exception); ok && op.closing && (e.cls.IsSubtype(GeneratorExitType) || e.cls.IsSubtype(StopAsyncIterationType)) {
			return Null, NewException(StopIterationType)
		}
		return Null, err
	}
	if finished {
		op.done = true
		if op.closing {
			return Null, NewException(StopIterationType)
		}
		return Null, NewException(StopAsyncIterationType)
	}
	if w, ok := r.o.(*asyncGenWrapped); ok {
		op.done = true
		if op.closing {
			return Null, Errorf(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return Null, NewException(StopIterationType, w.v)
	}
	return r, nil
}

func setupAsyncGenTypes() {
	asyncGenWrappedType = newBuiltinType("async_generator_wrapped_value", ObjectType)
	AsyncGeneratorType = newBuiltinType("async_generator", ObjectType)
	asyncGenOpType = newBuiltinType("async_generator_asend", ObjectType)
	setupAnextDefault()
	typ := AsyncGeneratorType
	gen := func(v Value) *Generator { return v.o.(*Generator) }
	addMethod(typ, "__aiter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
	addMethod(typ, "__anext__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := t.agenInitHooks(gen(self)); err != nil {
			return Null, err
		}
		return Obj(&asyncGenOp{g: gen(self)}), nil
	})
	addMethod(typ, "asend", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("asend", args, kw, 1, 1); err != nil {
			return Null, err
		}
		if err := t.agenInitHooks(gen(self)); err != nil {
			return Null, err
		}
		return Obj(&asyncGenOp{g: gen(self), send: args[0]}), nil
	})
	addMethod(typ, "athrow", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("athrow", args, kw, 1, 3); err != nil {
			return Null, err
		}
		exc, err := t.throwArgs(args)
		if err != nil {
			return Null, err
		}
		if err := t.agenInitHooks(gen(self)); err != nil {
			return Null, err
		}
		return Obj(&asyncGenOp{g: gen(self), exc: exc}), nil
	})
	addMethod(typ, "aclose", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := t.agenInitHooks(gen(self)); err != nil {
			return Null, err
		}
		return Obj(&asyncGenOp{g: gen(self), exc: NewException(GeneratorExitType), closing: true}), nil
	})
	addMethod(typ, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue("<async_generator object " + gen(self).qual() + " at 0x" + hexPtr(self) + ">"), nil
	})
	typ.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		g := gen(o)
		switch name {
		case "ag_running":
			return Bool(g.isRunning()), true, nil
		case "ag_code":
			return Obj(codeObjectOf(g.code())), true, nil
		case "ag_frame":
			return g.frameObject(), true, nil
		case "ag_await":
			if g.done || g.yieldFrom == nil {
				return None, true, nil
			}
			return Obj(g.yieldFrom), true, nil
		case "__name__":
			return Obj(g.nameStr()), true, nil
		case "__qualname__":
			return StrValue(g.qual()), true, nil
		}
		return Null, false, nil
	}
	op := asyncGenOpType
	addMethod(op, "__await__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
	addMethod(op, "__iter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
	addMethod(op, "__next__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return t.asyncGenStep(self.o.(*asyncGenOp), None, nil)
	})
	addMethod(op, "send", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("send", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.asyncGenStep(self.o.(*asyncGenOp), args[0], nil)
	})
	addMethod(op, "throw", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("throw", args, kw, 1, 3); err != nil {
			return Null, err
		}
		exc, err := t.throwArgs(args)
		if err != nil {
			return Null, err
		}
		return t.asyncGenStep(self.o.(*asyncGenOp), Null, exc)
	})
	addMethod(op, "close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		self.o.(*asyncGenOp).done = true
		return None, nil
	})
}

func hexPtr(v Value) string {
	const digits = "0123456789abcdef"
	p := uint64(uintptrOf(v))
	if p == 0 {
		return "0"
	}
	var b []byte
	for p > 0 {
		b = append([]byte{digits[p&15]}, b...)
		p >>= 4
	}
	return string(b)
}

// anextDefault is the awaitable of anext(it, default): it runs it's
// __anext__ awaitable and turns StopAsyncIteration into the default.
type anextDefault struct {
	aw, def Value
}

var anextDefaultType *Type

// Type implements Object.
func (*anextDefault) Type() *Type { return anextDefaultType }

func (t *Thread) anextStep(a *anextDefault, v Value, exc *Exception) (Value, error) {
	r, done, err := t.yieldFromStep(a.aw, v, exc)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls.IsSubtype(StopAsyncIterationType) {
			return Null, NewException(StopIterationType, a.def)
		}
		return Null, err
	}
	if done {
		return Null, NewException(StopIterationType, r)
	}
	return r, nil
}

func setupAnextDefault() {
	anextDefaultType = newBuiltinType("anext_awaitable", ObjectType)
	typ := anextDefaultType
	addMethod(typ, "__await__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
	addMethod(typ, "__iter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
	addMethod(typ, "__next__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return t.anextStep(self.o.(*anextDefault), None, nil)
	})
	addMethod(typ, "send", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("send", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.anextStep(self.o.(*anextDefault), args[0], nil)
	})
	addMethod(typ, "throw", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		exc, err := t.throwArgs(args)
		if err != nil {
			return Null, err
		}
		return t.anextStep(self.o.(*anextDefault), Null, exc)
	})
	addMethod(typ, "close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return None, nil })
}

// StepYieldFrom implements YieldFromStepper, so `await anext(it, d)` keeps
// the value it completes with.
func (a *anextDefault) StepYieldFrom(t *Thread, v Value, exc *Exception) (Value, bool, error) {
	return t.stepResult(t.anextStep(a, v, exc))
}

// StepYieldFrom implements YieldFromStepper for __anext__/asend/athrow/aclose.
func (op *asyncGenOp) StepYieldFrom(t *Thread, v Value, exc *Exception) (Value, bool, error) {
	return t.stepResult(t.asyncGenStep(op, v, exc))
}

// agenInitHooks applies sys.set_asyncgen_hooks to an async generator on
// its first __anext__/asend/athrow/aclose, as CPython does: it keeps the
// current finalizer and calls firstiter with the generator (an event loop
// uses these to find the async generators to close at shutdown, and to
// close one that is abandoned).
func (t *Thread) agenInitHooks(g *Generator) error {
	if (g.x != nil && g.x.agHooked) || (t.agFirstIter.o == nil && t.agFinalizer.o == nil) {
		return nil
	}
	if g.x == nil {
		g.x = &genExtra{}
	}
	g.x.agHooked = true
	g.x.agFinalizer = t.agFinalizer
	if t.agFirstIter.o != nil {
		if _, err := t.Call(t.agFirstIter, []Value{Obj(g)}, nil); err != nil {
			return err
		}
	}
	return nil
}

// finalizeAgen is what CPython does when an unfinished async generator
// is dropped: call the finalizer it was given (an event loop schedules
// aclose()).
func (t *Thread) finalizeAgen(g *Generator) {
	if g.done || g.x == nil || g.x.agFinalizer.o == nil {
		return
	}
	fin := g.x.agFinalizer
	g.x.agFinalizer = Null
	if _, err := t.Call(fin, []Value{Obj(g)}, nil); err != nil {
		if e, ok := err.(*Exception); ok {
			t.writeUnraisable(e, Obj(g))
		}
	}
}

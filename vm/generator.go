// generator.go implements generator objects: a generator owns a heap frame
// that the interpreter loop runs until it yields (YIELD_VALUE returns from
// the loop with the frame saved) or returns. send, throw and close resume
// it; `yield from` delegates to a sub-iterator.

package vm

import (
	"fmt"
	"strings"

	"yflow/lang/compiler"
)

// Generator is a generator (or coroutine) object.
//
// A plain generator (or async generator) keeps one frame for its whole
// life, allocated with it. A coroutine instead gives its frame back when
// it suspends as the innermost level of its chain: its live slots are
// copied into saved (the delegated-to awaitable, which yieldFrom also
// holds, is left out), and the next resume takes a frame from the
// thread's pool (attach, detach). A parked coroutine is then this header
// and its locals, about half the memory of a full frame; the copies cost
// a few nanoseconds a switch. Levels above the leaf of a chain keep their
// frames, so a resume stays O(1) in the depth of the chain.
type Generator struct {
	// frame is the generator's frame; nil while a coroutine is detached.
	frame *Frame
	fn    *Function
	// saved holds a detached coroutine's slots up to its stack pointer
	// (without the awaitable on top when savedSub is set); pc is its
	// saved program counter.
	saved []Value
	// x holds __name__ and __qualname__ once assigned, and a coroutine's
	// cells.
	x *genExtra
	// yieldFrom is the sub-iterator the frame is delegating to (or nil).
	yieldFrom Object

	// The `yield from` chain (see chain.go): delegator is the generator
	// whose frame is suspended in YIELD_FROM on this one; root is the
	// outermost generator of the chain this one belongs to; on a root,
	// leaf is the innermost generator, where a resume continues.
	delegator, root, leaf *Generator
	// handled is the exception being handled inside the generator while
	// it is suspended; callerHandled is its resumer's, while it runs.
	handled, callerHandled *Exception
	// leafDepth is, on a root, how many levels below it the leaf is.
	leafDepth int32
	pc        int32
	started   bool
	running   bool
	done      bool
	coro      bool
	agen      bool // an async generator (see asyncgen.go)
	// inlineFor marks a root resumed by a FOR_ITER of the same run loop;
	// inlineSend, together with it, by a send() or next() call there.
	inlineFor, inlineSend bool
	savedSub              bool
}

// genFrame is a plain generator allocated together with its frame.
type genFrame struct {
	g Generator
	f Frame
}

// genExtra is a generator's rarely present state: its own __name__ and
// __qualname__ (named), and a coroutine's cells.
type genExtra struct {
	name  *Str
	qual  string
	named bool
	cells []*Cell
	// an async generator's finalizer, taken from sys.get_asyncgen_hooks()
	// when it is first iterated (agHooked)
	agFinalizer Value
	agHooked    bool
}

// kind is what CPython's messages call g: "generator", "coroutine" or
// "async generator".
func (g *Generator) kind() string {
	switch {
	case g.coro:
		return "coroutine"
	case g.agen:
		return "async generator"
	}
	return "generator"
}

// code is the generator's code object.
func (g *Generator) code() *compiler.Code { return g.fn.code }

// nameStr is __name__.
func (g *Generator) nameStr() *Str {
	if g.x != nil && g.x.named {
		return g.x.name
	}
	return g.fn.name
}

// qual is __qualname__.
func (g *Generator) qual() string {
	if g.x != nil && g.x.named {
		return g.x.qual
	}
	return g.fn.qualname
}

// setNames gives the generator its own __name__ or __qualname__.
func (g *Generator) setNames(name *Str, qual string) {
	if g.x == nil {
		g.x = &genExtra{}
	}
	if !g.x.named {
		g.x.name, g.x.qual, g.x.named = g.nameStr(), g.qual(), true
	}
	if name != nil {
		g.x.name = name
	} else {
		g.x.qual = qual
	}
}

// Type implements Object.
func (g *Generator) Type() *Type {
	if g.agen {
		return AsyncGeneratorType
	}
	if g.coro {
		return CoroutineType
	}
	return GeneratorType
}

// CoroutineType is the type of `async def` coroutine objects.
var CoroutineType *Type

func (t *Thread) makeGenerator(fn *Function, args []Value, kw []*Str) (Value, error) {
	rt := fn.rt
	code := fn.code
	var g *Generator
	var slots []Value
	var cells []*Cell
	if code.Flags&compiler.FlagCoroutine != 0 {
		// a coroutine starts detached: its slots are just its locals
		g = &Generator{fn: fn, coro: true}
		slots = make([]Value, rt.nlocals)
		g.saved = slots
		if rt.ncells > 0 {
			cells = make([]*Cell, rt.ncells)
			g.x = &genExtra{cells: cells}
		}
	} else {
		gf := &genFrame{f: Frame{code: code, rt: rt, fn: fn, globals: fn.globals}}
		g = &gf.g
		g.fn = fn
		f := &gf.f
		g.frame = f
		slots = make([]Value, rt.fsize)
		f.slots = slots
		if rt.ncells > 0 {
			cells = make([]*Cell, rt.ncells)
			f.cells = cells
		}
		f.sp = rt.nlocals
		f.gen = g
	}
	if err := t.bindArgs(fn, slots, args, kw); err != nil {
		return Null, err
	}
	if cells != nil {
		nc := len(code.CellVars)
		for i := 0; i < nc; i++ {
			c := &Cell{}
			if code.Cell2Arg != nil && code.Cell2Arg[i] >= 0 {
				c.v = slots[code.Cell2Arg[i]]
			}
			cells[i] = c
		}
		copy(cells[nc:], fn.closure)
	}
	g.agen = code.Flags&compiler.FlagAsyncGenerator != 0
	g.root = g
	g.leaf = g
	return Obj(g), nil
}

// attach gives a detached coroutine a frame from the thread's pool,
// restoring its slots and program counter; it returns g's frame.
func (t *Thread) attach(g *Generator) *Frame {
	if f := g.frame; f != nil {
		return f
	}
	var f *Frame
	if n := len(t.cpool); n > 0 {
		f = t.cpool[n-1]
		t.cpool[n-1] = nil
		t.cpool = t.cpool[:n-1]
	} else {
		f = &Frame{}
	}
	fn := g.fn
	rt := fn.rt
	f.fn, f.code, f.rt, f.globals = fn, fn.code, rt, fn.globals
	if cap(f.slots) < rt.fsize {
		f.slots = make([]Value, rt.fsize)
	} else {
		f.slots = f.slots[:rt.fsize]
	}
	n := copy(f.slots, g.saved)
	clear(g.saved)
	if g.savedSub {
		f.slots[n] = Obj(g.yieldFrom)
		n++
		g.savedSub = false
	}
	f.sp = n
	f.pc = int(g.pc)
	f.gen = g
	if g.x != nil {
		f.cells = g.x.cells
	}
	g.frame = f
	return f
}

// detach saves a suspended coroutine's live slots and returns its frame
// to the thread's pool.
func (t *Thread) detach(g *Generator) {
	f := g.frame
	n := f.sp
	sub := false
	if g.yieldFrom != nil && n > f.rt.nlocals && f.slots[n-1].o == g.yieldFrom {
		// suspended in YIELD_FROM: the awaitable on the stack is yieldFrom
		n--
		sub = true
	}
	if cap(g.saved) < n {
		g.saved = make([]Value, n)
	} else {
		g.saved = g.saved[:n]
	}
	copy(g.saved, f.slots[:n])
	g.savedSub = sub
	g.pc = int32(f.pc)
	g.frame = nil
	t.poolFrame(f)
}

// poolFrame keeps a coroutine's frame for the next attach.
func (t *Thread) poolFrame(f *Frame) {
	clear(f.slots)
	f.fn, f.code, f.rt, f.globals, f.cells = nil, nil, nil, nil, nil
	f.gen, f.back, f.throwing = nil, nil, nil
	if len(t.cpool) < 32 {
		t.cpool = append(t.cpool, f)
	}
}

// frameObject is gi_frame / cr_frame / ag_frame.
func (g *Generator) frameObject() Value {
	if g.done {
		return None
	}
	return Obj(&FrameObject{gen: g})
}

// viewFrame is g's frame, or for a detached coroutine a copy of it made
// from the saved state (for inspection only).
func (g *Generator) viewFrame() *Frame {
	if g.frame != nil {
		return g.frame
	}
	fn := g.fn
	slots := append([]Value(nil), g.saved...)
	if g.savedSub {
		slots = append(slots, Obj(g.yieldFrom))
	}
	f := &Frame{fn: fn, code: fn.code, rt: fn.rt, globals: fn.globals, slots: slots, sp: len(slots), pc: int(g.pc), gen: g}
	if g.done {
		f.code = nil
	}
	if g.x != nil {
		f.cells = g.x.cells
	}
	return f
}

// beforeAsyncWith implements BEFORE_ASYNC_WITH.
func (t *Thread) beforeAsyncWith(mgr Value) (Value, Value, error) {
	typ := mgr.Type()
	enter := typ.Lookup(strAenter)
	exit := typ.Lookup(strAexit)
	if enter.o == nil || exit.o == nil {
		return Null, Null, Errorf(TypeErrorType, "'%s' object does not support the asynchronous context manager protocol", typ.Name)
	}
	boundExit, err := t.bindAttr(exit, mgr, typ)
	if err != nil {
		return Null, Null, err
	}
	res, err := t.callMethodValue(enter, mgr, nil)
	if err != nil {
		return Null, Null, err
	}
	aw, err := t.getAwaitable(res)
	if err != nil {
		return Null, Null, err
	}
	return boundExit, aw, nil
}

// resume runs the generator with a value sent in (or an exception thrown
// in). It returns the yielded value with done=false, or the return value
// with done=true. A generator delegating with `yield from` to other
// generators is resumed directly at the innermost one (see chain.go).
func (t *Thread) resume(g *Generator, send Value, exc *Exception) (Value, bool, error) {
	if g.isRunning() {
		return Null, false, Errorf(ValueErrorType, "%s already executing", g.kind())
	}
	if g.done {
		if g.coro {
			return Null, true, Errorf(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		if exc != nil {
			return Null, true, exc
		}
		return Null, true, nil
	}
	if !g.started && exc == nil && !send.IsNone() && send.o != nil {
		return Null, false, Errorf(TypeErrorType, "can't send non-None value to a just-started %s", g.kind())
	}
	var leaf *Generator
	var err error
	if exc != nil && exc.cls.IsSubtype(GeneratorExitType) {
		if _, ok := g.yieldFrom.(*Generator); ok {
			// close the chain level by level from the top
			leaf, err = t.enterChainAt(g, g, t.frame)
		}
	}
	if leaf == nil {
		v := send
		if exc != nil {
			v = Null
		}
		leaf, err = t.enterChain(g, t.frame, v)
	}
	if err != nil {
		return Null, false, err
	}
	if exc != nil {
		// as CPython chains a thrown exception with the exception handled
		// by the outermost level of the chain that handles one
		if exc.context.o == nil {
			for x := g; x != nil; {
				if h := x.handled; h != nil && h != exc {
					exc.context = Obj(h)
					break
				}
				next, ok := x.yieldFrom.(*Generator)
				if !ok {
					break
				}
				x = next
			}
		}
		leaf.frame.throwing = exc
	}
	g.inlineFor, g.inlineSend = false, false
	f := leaf.frame
	t.frame = f
	v, err := t.runFrom(g.frame, f)
	if t.yielded {
		t.yielded = false
		return v, false, nil
	}
	t.handled = handledValue(g.callerHandled)
	t.finish(g)
	if err != nil {
		return Null, true, err
	}
	return v, true, nil
}

// genNext is next(g): ok is false when the generator is exhausted.
func (t *Thread) genNext(g *Generator) (Value, bool, error) {
	v, done, err := t.resume(g, None, nil)
	if err != nil {
		return Null, false, err
	}
	if done {
		return Null, false, nil
	}
	return v, true, nil
}

// stopIteration makes StopIteration(value) for a generator's return.
func stopIteration(v Value) *Exception {
	if v.o == nil || v.IsNone() {
		return NewException(StopIterationType)
	}
	return NewException(StopIterationType, v)
}

func (t *Thread) genSend(g *Generator, v Value) (Value, error) {
	r, done, err := t.resume(g, v, nil)
	if err != nil {
		return Null, err
	}
	if done {
		return Null, stopIteration(r)
	}
	return r, nil
}

func (t *Thread) genThrow(g *Generator, exc *Exception) (Value, error) {
	if !g.started {
		g.started = true
		t.finish(g)
		return Null, exc
	}
	r, done, err := t.resume(g, Null, exc)
	if err != nil {
		return Null, err
	}
	if done {
		return Null, stopIteration(r)
	}
	return r, nil
}

func (t *Thread) genClose(g *Generator) error {
	if g.done || !g.started {
		g.done = true
		return nil
	}
	_, done, err := t.resume(g, Null, NewException(GeneratorExitType))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.cls.IsSubtype(GeneratorExitType) || e.cls.IsSubtype(StopIterationType)) {
			return nil
		}
		return err
	}
	if !done {
		return Errorf(RuntimeErrorType, "%s ignored GeneratorExit", g.kind())
	}
	return nil
}

// yieldFromStep advances a `yield from` delegation one step: it sends v (or
// throws exc) into the sub-iterator. It returns the value to yield with
// done=false, or the sub-iterator's return value with done=true.
func (t *Thread) yieldFromStep(sub, v Value, exc *Exception) (Value, bool, error) {
	if g, ok := sub.o.(*Generator); ok {
		if exc != nil {
			if exc.cls.IsSubtype(GeneratorExitType) {
				if err := t.genClose(g); err != nil {
					return Null, true, err
				}
				return Null, true, exc
			}
			r, done, err := t.resume(g, Null, exc)
			return r, done, err
		}
		return t.resume(g, v, nil)
	}
	if st, ok := sub.o.(YieldFromStepper); ok {
		return st.StepYieldFrom(t, v, exc)
	}
	if exc != nil {
		if exc.cls.IsSubtype(GeneratorExitType) {
			cl, err := t.GetAttr(sub, Intern("close"))
			if err == nil {
				if _, err := t.Call(cl, nil, nil); err != nil {
					return Null, true, err
				}
			} else if e, ok := err.(*Exception); ok && !e.cls.IsSubtype(AttributeErrorType) {
				// CPython reports a failing lookup of close as unraisable
				t.writeUnraisable(e, sub)
			}
			return Null, true, exc
		}
		th, err := t.GetAttr(sub, Intern("throw"))
		if err != nil {
			if e, ok := err.(*Exception); ok && e.cls.IsSubtype(AttributeErrorType) {
				return Null, true, exc
			}
			return Null, true, err
		}
		r, err := t.Call(th, []Value{Obj(exc)}, nil)
		return t.stepResult(r, err)
	}
	if v.IsNone() || v.o == nil {
		if op, ok := sub.o.(*asyncGenOp); ok {
			return t.stepResult(t.asyncGenStep(op, None, nil))
		}
		if _, isInst := sub.o.(*Instance); isInst {
			// a class-defined iterator: keep its StopIteration value
			if m := sub.Type().Lookup(strNext); m.o != nil {
				r, err := t.callMethodValue(m, sub, nil)
				return t.stepResult(r, err)
			}
		}
		r, ok, err := t.Next(sub)
		if err != nil {
			return Null, true, err
		}
		if !ok {
			return None, true, nil
		}
		return r, false, nil
	}
	send, err := t.GetAttr(sub, Intern("send"))
	if err != nil {
		return Null, true, err
	}
	r, err := t.Call(send, []Value{v}, nil)
	return t.stepResult(r, err)
}

func (t *Thread) stepResult(r Value, err error) (Value, bool, error) {
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls.IsSubtype(StopIterationType) {
			if len(e.args) > 0 {
				return e.args[0], true, nil
			}
			return None, true, nil
		}
		return Null, true, err
	}
	return r, false, nil
}

// getYieldFromIter implements GET_YIELD_FROM_ITER.
func (t *Thread) getYieldFromIter(v Value) (Value, error) {
	if _, ok := v.o.(*Generator); ok {
		return v, nil
	}
	return t.Iter(v)
}

// getAwaitable implements GET_AWAITABLE.
func (t *Thread) getAwaitable(v Value) (Value, error) {
	if g, ok := v.o.(*Generator); ok {
		if g.coro || g.code().Flags&compiler.FlagIterableCoroutine != 0 {
			return v, nil
		}
	}
	m := v.Type().Lookup(strAwait)
	if m.o == nil {
		return Null, Errorf(TypeErrorType, "object %s can't be used in 'await' expression", v.Type().Name)
	}
	it, err := t.callMethodValue(m, v, nil)
	if err != nil {
		return Null, err
	}
	if g, ok := it.o.(*Generator); ok && g.coro {
		return Null, Errorf(TypeErrorType, "__await__() returned a coroutine")
	}
	if it.Type().Lookup(strNext).o == nil {
		if _, ok := it.o.(*Generator); !ok {
			return Null, Errorf(TypeErrorType, "__await__() returned non-iterator of type '%s'", it.Type().Name)
		}
	}
	return it, nil
}

func setupGeneratorTypes() {
	CoroutineType = newBuiltinType("coroutine", ObjectType)
	for _, typ := range []*Type{GeneratorType, CoroutineType} {
		isCoro := typ == CoroutineType
		if !isCoro {
			addMethod(typ, "__iter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
			addMethod(typ, "__next__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return t.genSend(self.o.(*Generator), None)
			})
		} else {
			addMethod(typ, "__await__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return Obj(&coroWrapper{g: self.o.(*Generator)}), nil
			})
		}
		addMethod(typ, "send", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("send", args, kw, 1, 1); err != nil {
				return Null, err
			}
			return t.genSend(self.o.(*Generator), args[0])
		})
		addMethod(typ, "throw", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("throw", args, kw, 1, 3); err != nil {
				return Null, err
			}
			exc, err := t.throwArgs(args)
			if err != nil {
				return Null, err
			}
			return t.genThrow(self.o.(*Generator), exc)
		})
		addMethod(typ, "close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, t.genClose(self.o.(*Generator))
		})
		addMethod(typ, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			g := self.o.(*Generator)
			kind := "generator"
			if g.coro {
				kind = "coroutine"
			}
			return StrValue(fmt.Sprintf("<%s object %s at 0x%x>", kind, g.qual(), uintptrOf(self))), nil
		})
		typ.attr = generatorAttr
		typ.setAttr = generatorSetAttr
	}
	genSendDescr = GeneratorType.Dict.getStrValue(Intern("send")).o.(*MethodDescr)
	coroWrapperType = newBuiltinType("coroutine_wrapper", ObjectType)
	addMethod(coroWrapperType, "__iter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil })
	addMethod(coroWrapperType, "__next__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return t.genSend(self.o.(*coroWrapper).g, None)
	})
	addMethod(coroWrapperType, "send", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return t.genSend(self.o.(*coroWrapper).g, args[0])
	})
	addMethod(coroWrapperType, "throw", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		exc, err := t.throwArgs(args)
		if err != nil {
			return Null, err
		}
		return t.genThrow(self.o.(*coroWrapper).g, exc)
	})
	addMethod(coroWrapperType, "close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, t.genClose(self.o.(*coroWrapper).g)
	})
}

// coroWrapper is what coroutine.__await__() returns.
type coroWrapper struct{ g *Generator }

var coroWrapperType *Type

// Type implements Object.
func (*coroWrapper) Type() *Type { return coroWrapperType }

func (t *Thread) throwArgs(args []Value) (*Exception, error) {
	typ := args[0]
	if e, ok := typ.o.(*Exception); ok {
		if len(args) > 1 && !args[1].IsNone() {
			return nil, Errorf(TypeErrorType, "instance exception may not have a separate value")
		}
		return e, nil
	}
	cls, ok := typ.o.(*Type)
	if !ok || !cls.IsSubtype(BaseExceptionType) {
		return nil, Errorf(TypeErrorType, "exceptions must be classes or instances deriving from BaseException, not %s", typ.Type().Name)
	}
	if len(args) > 2 && !args[2].IsNone() {
		if _, ok := args[2].o.(*Traceback); !ok {
			return nil, Errorf(TypeErrorType, "throw() third argument must be a traceback object")
		}
	}
	var cargs []Value
	if len(args) > 1 && !args[1].IsNone() {
		if e, ok := args[1].o.(*Exception); ok && e.cls.IsSubtype(cls) {
			return e, nil
		}
		if tup, ok := args[1].o.(*Tuple); ok {
			cargs = tup.items
		} else {
			cargs = []Value{args[1]}
		}
	}
	r, err := t.Call(typ, cargs, nil)
	if err != nil {
		return nil, err
	}
	e, ok := r.o.(*Exception)
	if !ok {
		return nil, Errorf(TypeErrorType, "calling %s should have returned an instance of BaseException, not %s", reprNoThread(typ), r.Type().Name)
	}
	return e, nil
}

func generatorAttr(t *Thread, o Value, name string) (Value, bool, error) {
	g := o.o.(*Generator)
	switch name {
	case "__name__":
		return Obj(g.nameStr()), true, nil
	case "__qualname__":
		return StrValue(g.qual()), true, nil
	case "gi_running", "cr_running":
		return Bool(g.isRunning()), true, nil
	case "gi_frame", "cr_frame":
		return g.frameObject(), true, nil
	case "gi_code", "cr_code":
		return Obj(codeObjectOf(g.code())), true, nil
	case "gi_yieldfrom", "cr_await":
		if g.done || g.yieldFrom == nil {
			return None, true, nil
		}
		return Obj(g.yieldFrom), true, nil
	case "gi_suspended", "cr_suspended":
		return Bool(g.started && !g.done && !g.running), true, nil
	}
	return Null, false, nil
}

// FrameObject is a frame exposed to Python: a running frame
// (sys._getframe), or a generator's (gi_frame), found through the
// generator since a coroutine's frame changes as it suspends.
type FrameObject struct {
	f   *Frame
	gen *Generator
}

// frame is the frame the object shows now.
func (fo *FrameObject) frame() *Frame {
	if fo.gen != nil {
		return fo.gen.viewFrame()
	}
	return fo.f
}

// FrameType is the type of frame objects.
var FrameType *Type

// Type implements Object.
func (*FrameObject) Type() *Type { return FrameType }

// GenState is inspect.getgeneratorstate.
func GenState(g *Generator) string {
	switch {
	case g.isRunning():
		return "GEN_RUNNING"
	case g.done:
		return "GEN_CLOSED"
	case !g.started:
		return "GEN_CREATED"
	}
	return "GEN_SUSPENDED"
}

func generatorSetAttr(t *Thread, o Value, name string, v Value) (bool, error) {
	g := o.o.(*Generator)
	switch name {
	case "__name__", "__qualname__":
		s, ok := v.o.(*Str)
		if !ok {
			return true, Errorf(TypeErrorType, "%s must be set to a string object", name)
		}
		if name == "__name__" {
			g.setNames(Intern(s.s), "")
		} else {
			g.setNames(nil, s.s)
		}
		return true, nil
	case "gi_running", "gi_frame", "gi_code", "gi_yieldfrom", "gi_suspended", "cr_running", "cr_frame", "cr_code", "cr_await", "cr_suspended":
		return true, Errorf(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", name, o.Type().Name)
	}
	return true, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", o.Type().Name, name)
}

func setupFrameType() {
	FrameType = newBuiltinType("frame", ObjectType)
	FrameType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		f := o.o.(*FrameObject).frame()
		switch name {
		case "f_lineno":
			if f.code == nil {
				return None, true, nil
			}
			if f.gen != nil && !f.gen.started {
				return Int(int64(f.code.FirstLine)), true, nil
			}
			pc := f.pc - 1
			if pc < 0 {
				pc = 0
			}
			return Int(int64(f.code.Line(pc))), true, nil
		case "f_code":
			if f.code == nil {
				return None, true, nil
			}
			return Obj(codeObjectOf(f.code)), true, nil
		case "f_globals":
			return Obj(f.globals), true, nil
		case "f_locals":
			return frameLocals(f), true, nil
		case "f_back":
			if f.back == nil || f.back.code == nil {
				return None, true, nil
			}
			return frameObjectOf(f.back), true, nil
		}
		return Null, false, nil
	}
}

// frameLocals is a frame's f_locals: its namespace, or a snapshot dict.
func frameLocals(f *Frame) Value {
	if f.locals != nil {
		return Obj(f.locals)
	}
	d := NewDict()
	if f.code == nil {
		return Obj(d)
	}
	for i, n := range f.code.VarNames {
		if i < len(f.slots) && f.slots[i].o != nil {
			d.SetStr(Intern(n), f.slots[i])
		}
	}
	for i, n := range f.code.CellVars {
		if i < len(f.cells) && f.cells[i] != nil && f.cells[i].v.o != nil {
			d.SetStr(Intern(n), f.cells[i].v)
		}
	}
	for i, n := range f.code.FreeVars {
		j := len(f.code.CellVars) + i
		if j < len(f.cells) && f.cells[j] != nil && f.cells[j].v.o != nil {
			d.SetStr(Intern(n), f.cells[j].v)
		}
	}
	return Obj(d)
}

// getFrame is sys._getframe(depth).
func getFrame(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	depth := int64(0)
	if len(args) > 0 {
		var err error
		if depth, err = t.Index(args[0]); err != nil {
			return Null, err
		}
	}
	f := t.frame
	for ; depth > 0 && f != nil; depth-- {
		f = f.back
	}
	if f == nil {
		return Null, Errorf(ValueErrorType, "call stack is not deep enough")
	}
	return frameObjectOf(f), nil
}

// frameObjectOf exposes running frame f; a generator's is found through
// its generator.
func frameObjectOf(f *Frame) Value {
	if f.gen != nil {
		return Obj(&FrameObject{gen: f.gen})
	}
	return Obj(&FrameObject{f: f})
}

// cpythonCoFlags maps yflow code flags to CPython's co_flags bits.
func cpythonCoFlags(fl compiler.Flags) int64 {
	r := int64(0)
	if fl&(compiler.FlagModule|compiler.FlagClassBody) == 0 {
		r |= 1 | 2 // CO_OPTIMIZED | CO_NEWLOCALS
	}
	if fl&compiler.FlagVarargs != 0 {
		r |= 4
	}
	if fl&compiler.FlagVarkw != 0 {
		r |= 8
	}
	if fl&compiler.FlagNested != 0 {
		r |= 16
	}
	if fl&compiler.FlagGenerator != 0 {
		r |= 32
	}
	if fl&compiler.FlagCoroutine != 0 {
		r |= 128
	}
	if fl&compiler.FlagIterableCoroutine != 0 {
		r |= 256
	}
	if fl&compiler.FlagAsyncGenerator != 0 {
		r |= 512
	}
	return r
}

// writeUnraisable reports an exception that cannot be raised, as CPython's
// "Exception ignored in: ..." message: its traceback only, without the
// exceptions chained to it (CPython's default unraisable hook prints no
// chain).
func (t *Thread) writeUnraisable(e *Exception, obj Value) {
	r, err := t.Repr(obj)
	if err != nil {
		r = "<object>"
	}
	var b strings.Builder
	seen := map[*Exception]bool{}
	for _, c := range []Value{e.cause, e.context} {
		if x, ok := c.o.(*Exception); ok {
			seen[x] = true
		}
	}
	t.formatChain(&b, e, &printCtx{}, seen)
	t.in.WriteStderr("Exception ignored in: " + r + "\n" + b.String())
}

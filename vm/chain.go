// chain.go implements `yield from` chains with resume cost independent of
// their depth. When a generator frame executes YIELD_FROM on another
// generator, the sub-generator's frame is linked under it and runs on the
// same interpreter loop (no Go recursion). A yield anywhere in the chain
// suspends the whole chain at once and goes straight to whoever resumed
// its root; the root remembers the innermost generator (its leaf), so the
// next send or throw resumes the leaf frame directly. The chain unwinds a
// level only when a generator returns or raises: its value (or exception)
// then arrives at the delegator's YIELD_FROM. CPython instead re-enters
// every level on every resume: O(depth).
//
// The same mechanism resumes a generator driven by a for loop of the same
// interpreter loop (FOR_ITER), so generator pipelines do not recurse on the
// Go stack either.

package vm

import "yflow/lang/compiler"

// isRunning reports whether g, or the chain it is delegated from, is
// executing.
func (g *Generator) isRunning() bool {
	for x := g; x != nil; x = x.delegator {
		if x.running {
			return true
		}
	}
	return false
}

// finish marks a generator as exhausted (a coroutine's frame goes back
// to the pool).
func (t *Thread) finish(g *Generator) {
	g.done = true
	g.running = false
	g.delegator = nil
	g.root, g.leaf = g, g
	g.yieldFrom = nil
	g.handled = nil
	g.savedSub = false
	if g.coro {
		g.saved = nil
		if f := g.frame; f != nil {
			g.frame = nil
			t.poolFrame(f)
		}
		return
	}
	g.frame.code = nil
	g.frame.back = nil
}

// chainLeaf returns the innermost generator of the chain rooted at g,
// making g the root of every level (O(1) when g's cached leaf is valid).
func (t *Thread) chainLeaf(g *Generator) *Generator {
	if l := g.leaf; l != nil && l.root == g && !l.done && (l == g || l.delegator != nil) {
		if _, deeper := l.yieldFrom.(*Generator); !deeper {
			return l
		}
	}
	x, depth := g, 0
	for {
		x.root = g
		sub, ok := x.yieldFrom.(*Generator)
		if !ok || sub.done {
			break
		}
		sub.delegator = x
		x = sub
		depth++
	}
	g.leaf, g.leafDepth = x, int32(depth)
	return x
}

// enterChain prepares to resume the chain rooted at g from frame resumer:
// it links g's frame to the resumer, accounts the depth, switches the
// handled-exception state and pushes the sent value (NULL: none) onto the
// leaf's stack. It returns the leaf, whose frame runs next.
func (t *Thread) enterChain(g *Generator, resumer *Frame, send Value) (*Generator, error) {
	leaf := t.chainLeaf(g)
	return leaf, t.enterAt(g, leaf, int(g.leafDepth), resumer, send)
}

// enterChainAt is enterChain resuming at the root frame itself (close()
// of a delegating generator closes the levels one by one).
func (t *Thread) enterChainAt(g, at *Generator, resumer *Frame) (*Generator, error) {
	return at, t.enterAt(g, at, 0, resumer, Null)
}

func (t *Thread) enterAt(g, leaf *Generator, levels int, resumer *Frame, send Value) error {
	top := t.depth + 1 + levels
	if top > t.in.recursionLimit {
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	lf := t.attach(leaf)
	if d := leaf.delegator; d != nil {
		lf.back = t.attach(d)
	}
	gf := t.attach(g)
	gf.depth = t.depth + 1
	lf.depth = top
	t.depth = top
	gf.back = resumer
	g.running = true
	g.callerHandled = handledExc(t.handled)
	if leaf.handled != nil {
		t.handled = Obj(leaf.handled)
	}
	if !leaf.started {
		leaf.started = true
	} else if send.o != nil {
		lf.slots[lf.sp] = send
		lf.sp++
	}
	return nil
}

// linkSub starts delegation from frame f (suspended after YIELD_FROM, with
// the sub-generator on its stack) to sub, sending v. It returns the
// generator whose frame runs next (sub, or its own leaf if sub was already
// delegating).
func (t *Thread) linkSub(f *Frame, sub *Generator, v Value) (*Generator, error) {
	d := f.gen
	root := d.root
	leaf := t.chainLeaf(sub)
	levels := int(sub.leafDepth)
	top := f.depth + 1 + levels
	if top > t.in.recursionLimit {
		return nil, Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	}
	for x := sub; ; {
		x.root = root
		if x == leaf {
			break
		}
		x = x.yieldFrom.(*Generator)
	}
	sub.delegator = d
	d.yieldFrom = sub
	root.leaf = leaf
	lf := t.attach(leaf)
	if leaf != sub {
		lf.back = t.attach(leaf.delegator)
	}
	sf := t.attach(sub)
	sf.back = f
	sf.depth = f.depth + 1
	lf.depth = top
	t.depth = top
	d.handled = handledExc(t.handled)
	if leaf.handled != nil {
		t.handled = Obj(leaf.handled)
	}
	if !leaf.started {
		leaf.started = true
	} else {
		lf.slots[lf.sp] = v
		lf.sp++
	}
	return leaf, nil
}

// unlinkSub detaches a sub-generator (and the chain below it) from its
// delegator, making it a root of its own.
func (t *Thread) unlinkSub(sub *Generator) {
	sub.delegator = nil
	if sub.frame != nil {
		sub.frame.back = nil
	}
	sub.leaf = nil
	t.chainLeaf(sub)
}

// chainYield suspends the chain containing frame f (whose pc and sp are
// saved) after f yielded. It returns the frame of an in-loop resumer
// (FOR_ITER) that receives the value, or nil when the loop must return
// the value to a Go resumer.
func (t *Thread) chainYield(f *Frame) *Frame {
	g := f.gen
	root := g.root
	root.leaf = g
	root.leafDepth = int32(f.depth - root.frame.depth)
	g.handled = ownHandled(t.handled, root.callerHandled)
	t.handled = handledValue(root.callerHandled)
	resumer := root.frame.back
	root.frame.back = nil
	root.running = false
	t.depth = root.frame.depth - 1
	t.frame = resumer
	if g.coro {
		t.detach(g)
	}
	if root.inlineFor {
		root.inlineFor = false
		root.inlineSend = false
		return resumer
	}
	t.yielded = true
	return nil
}

// chainReturn ends generator frame f (which returned or raised and is not
// the run loop's entry): it returns the frame that continues, the
// delegator's (at its YIELD_FROM) or the for loop's (at its FOR_ITER).
func (t *Thread) chainReturn(f *Frame) *Frame {
	g := f.gen
	var next *Frame
	if d := g.delegator; d != nil {
		d.yieldFrom = nil
		g.root.leaf = d
		next = t.attach(d)
		next.depth = f.depth - 1
		t.handled = handledValue(d.handled)
	} else {
		next = g.frame.back
		t.handled = handledValue(g.callerHandled)
	}
	inline := g.inlineFor
	t.finish(g)
	g.inlineFor = inline
	t.depth = next.depth
	t.frame = next
	return next
}

// genFinishedWith marks g finished by exception exc, applying PEP 479: a
// StopIteration escaping a generator becomes RuntimeError.
func (t *Thread) genFinishedWith(g *Generator, exc *Exception) *Exception {
	inline := g.inlineFor
	deleg := g.delegator
	g.done = true
	g.running = false
	g.inlineFor = inline
	g.delegator = deleg
	stop := exc.cls.IsSubtype(StopIterationType)
	if g.code().Flags&compiler.FlagAsyncGenerator != 0 {
		stop = stop || exc.cls.IsSubtype(StopAsyncIterationType)
	}
	if !stop {
		return exc
	}
	kind := g.kind()
	msg := kind + " raised StopIteration"
	if exc.cls.IsSubtype(StopAsyncIterationType) {
		msg = kind + " raised StopAsyncIteration"
	}
	re := Errorf(RuntimeErrorType, "%s", msg)
	re.cause = Obj(exc)
	re.context = Obj(exc)
	re.suppressContext = true
	// raised where the generator was resumed, as CPython does: the
	// generator's own frame is in the StopIteration's traceback only
	re.tb = nil
	return re
}

// ownHandled is the handled exception a suspending generator keeps: the
// one it is handling itself, not the one it inherited from its resumer.
func ownHandled(cur Value, inherited *Exception) *Exception {
	if e := handledExc(cur); e != inherited {
		return e
	}
	return nil
}

// handledExc is the exception in a thread's handled slot (None and NULL
// both mean none).
func handledExc(v Value) *Exception {
	e, _ := v.o.(*Exception)
	return e
}

// handledValue is e as a handled slot holds it.
func handledValue(e *Exception) Value {
	if e == nil {
		return Null
	}
	return Obj(e)
}

// currentHandled is the exception being handled as sys.exc_info() sees
// it: the current frame's own, else (inside a generator that handles
// none) the one its resumer was handling.
func (t *Thread) currentHandled() Value {
	if t.handled.o != nil && !t.handled.IsNone() {
		return t.handled
	}
	for f := t.frame; f != nil; {
		g := f.gen
		if g == nil {
			f = f.back
			continue
		}
		root := g.root
		if c := root.callerHandled; c != nil {
			return Obj(c)
		}
		if root.frame.back == f {
			break
		}
		f = root.frame.back
	}
	return None
}

// genSendDescr and nextBuiltin are the calls the interpreter resumes
// generators for without leaving its loop.
var (
	genSendDescr *MethodDescr
	nextBuiltin  *Builtin
)

// inlineSendTarget reports whether a call is gen.send(v) or next(gen) on a
// plain generator that can be resumed on the calling loop.
func inlineSendTarget(fv Value, args []Value, kw []*Str) (*Generator, Value, bool) {
	if kw != nil {
		return nil, Null, false
	}
	var gv, v Value
	switch f := fv.o.(type) {
	case *MethodDescr:
		if f != genSendDescr || len(args) != 2 {
			return nil, Null, false
		}
		gv, v = args[0], args[1]
	case *Builtin:
		if f != nextBuiltin || len(args) != 1 {
			return nil, Null, false
		}
		gv, v = args[0], None
	default:
		return nil, Null, false
	}
	g, ok := gv.o.(*Generator)
	if !ok || g.running || g.done || g.delegator != nil || g.agen || g.coro {
		return nil, Null, false
	}
	if !g.started && !v.IsNone() {
		return nil, Null, false
	}
	return g, v, true
}

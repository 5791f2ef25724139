// interp.go is the bytecode interpreter loop. Calls between Python
// functions do not recurse on the Go stack: CALL pushes a frame and the
// same loop continues; RETURN_VALUE pops it. A loop started from Go (by
// Thread.Call) stops when its entry frame returns.

package vm

import (
	"math"

	"yflow/lang/compiler"
)

// run executes frames starting with entry (already current) until entry
// returns or raises.
func (t *Thread) run(entry *Frame) (result Value, rerr error) {
	return t.runFrom(entry, entry)
}

// runFrom executes starting in frame start, which is entry or a generator
// frame linked under it (the leaf of a `yield from` chain), until entry
// returns, raises or (for a generator) yields.
func (t *Thread) runFrom(entry, start *Frame) (result Value, rerr error) {
	f := start
	instrs := f.rt.instrs
	s := f.slots
	sp := f.sp
	pc := f.pc
	var err error
	reraise := false
	var pending error // an error leaving the dispatch loop
	pendingReraise := false
	thrown := false // an exception thrown into a generator gets no context
	if f.throwing != nil {
		exc := f.throwing
		f.throwing = nil
		if sub, ok := f.gen.yieldFrom.(*Generator); ok && f.gen != nil && exc.cls.IsSubtype(GeneratorExitType) {
			// close() of a generator delegating to a sub-generator: close
			// the sub-generator, then raise GeneratorExit at the yield from
			f.gen.yieldFrom = nil
			t.unlinkSub(sub)
			if e := t.genClose(sub); e != nil {
				err = e
			} else {
				err = exc
			}
		} else if f.gen != nil && f.gen.yieldFrom != nil && compiler.Opcode(instrs[pc]&0xff) == compiler.YIELD_FROM {
			// delegate the throw to a non-generator sub-iterator
			sub := s[sp-1]
			r, done, e := t.yieldFromStep(sub, Null, exc)
			switch {
			case e != nil:
				sp--
				s[sp] = Null
				pc++
				err = e
				f.gen.yieldFrom = nil
			case done:
				s[sp-1] = r
				pc++
				f.gen.yieldFrom = nil
			default:
				f.pc, f.sp = pc, sp
				if nf := t.chainYield(f); nf != nil {
					f = nf
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					s[sp] = r
					sp++
				} else {
					return r, nil
				}
			}
		} else {
			err = exc
			thrown = true
		}
	}

	for {
		// The loop's own err and reraise are declared inside it, so they are
		// not carried around the loop (fewer values for the register
		// allocator to keep; every dispatch pays for each one carried).
		for dispatch := err == nil; dispatch; {
			// (the outer err is nil from here until this loop breaks out)
			var err error
			reraise := false
			ins := instrs[pc]
			pc++
			arg := ins >> 8
			switch compiler.Opcode(ins & 0xff) {
			case compiler.NOP:
			case compiler.POP_TOP:
				sp--
				s[sp] = Null
			case compiler.COPY:
				s[sp] = s[sp-int(arg)]
				sp++
			case compiler.SWAP:
				n := int(arg)
				s[sp-1], s[sp-n] = s[sp-n], s[sp-1]

			case compiler.LOAD_CONST:
				s[sp] = f.rt.consts[arg]
				sp++
			case compiler.LOAD_FAST:
				v := s[arg]
				if v.o == nil {
					err = unboundLocal(f.code, int(arg))
					break
				}
				s[sp] = v
				sp++
			case compiler.STORE_FAST:
				sp--
				s[arg] = s[sp]
			case compiler.DELETE_FAST:
				if s[arg].o == nil {
					err = unboundLocal(f.code, int(arg))
					break
				}
				s[arg] = Null
			case compiler.LOAD_DEREF:
				v := f.cells[arg].v
				if v.o == nil {
					err = t.unboundCell(f.code, int(arg))
					break
				}
				s[sp] = v
				sp++
			case compiler.STORE_DEREF:
				sp--
				f.cells[arg].v = s[sp]
			case compiler.DELETE_DEREF:
				if f.cells[arg].v.o == nil {
					err = t.unboundCell(f.code, int(arg))
					break
				}
				f.cells[arg].v = Null
			case compiler.LOAD_CLOSURE:
				s[sp] = Obj(f.cells[arg])
				sp++
			case compiler.LOAD_CLASSDEREF:
				name := f.code.FreeVars[int(arg)-len(f.code.CellVars)]
				if f.locals != nil {
					if v, ok := f.locals.GetStr(Intern(name)); ok {
						s[sp] = v
						sp++
						break
					}
				}
				v := f.cells[arg].v
				if v.o == nil {
					err = t.unboundCell(f.code, int(arg))
					break
				}
				s[sp] = v
				sp++
			case compiler.LOAD_GLOBAL:
				c := &f.rt.gcache[arg]
				g := f.globals
				b := t.in.Builtins
				if c.globals == g && c.gver == g.ver && c.bver == b.ver && c.v.o != nil {
					if c.v.o == Object(lenBuiltin) && pc+1 < len(instrs) && instrs[pc+1] == call1 {
						// len(local) of a list, tuple or dict: no call
						if nx := instrs[pc]; nx&0xff == uint32(compiler.LOAD_FAST) {
							if n, ok := quickLen(s[nx>>8]); ok {
								s[sp] = Int(int64(n))
								sp++
								pc += 2
								break
							}
						}
					}
					s[sp] = c.v
					sp++
					break
				}
				name := f.rt.names[arg]
				v, ok := g.GetStr(name)
				if !ok {
					v, ok = b.GetStr(name)
					if !ok {
						err = t.nameError(f, name)
						break
					}
				}
				*c = globalCache{globals: g, builtins: b, gver: g.ver, bver: b.ver, v: v}
				s[sp] = v
				sp++
			case compiler.STORE_GLOBAL:
				sp--
				f.globals.SetStr(f.rt.names[arg], s[sp])
			case compiler.DELETE_GLOBAL:
				if ok, _ := f.globals.Delete(t, Obj(f.rt.names[arg])); !ok {
					err = Errorf(NameErrorType, "name '%s' is not defined", f.rt.names[arg].s)
				}
			case compiler.LOAD_NAME:
				name := f.rt.names[arg]
				var v Value
				ok := false
				if f.locals != nil {
					v, ok = f.locals.GetStr(name)
				}
				if !ok {
					v, ok = f.globals.GetStr(name)
				}
				if !ok {
					v, ok = t.in.Builtins.GetStr(name)
				}
				if !ok {
					err = t.nameError(f, name)
					break
				}
				s[sp] = v
				sp++
			case compiler.STORE_NAME:
				sp--
				ns := f.locals
				if ns == nil {
					ns = f.globals
				}
				ns.SetStr(f.rt.names[arg], s[sp])
			case compiler.DELETE_NAME:
				ns := f.locals
				if ns == nil {
					ns = f.globals
				}
				if ok, _ := ns.Delete(t, Obj(f.rt.names[arg])); !ok {
					err = Errorf(NameErrorType, "name '%s' is not defined", f.rt.names[arg].s)
				}
			case compiler.LOAD_BUILD_CLASS:
				s[sp] = Obj(buildClassBuiltin)
				sp++
			case compiler.LOAD_ASSERTION_ERROR:
				s[sp] = Obj(AssertionErrorType)
				sp++

			case compiler.LOAD_ATTR:
				if in, ok := s[sp-1].o.(*Instance); ok {
					if v, ok := t.cachedLoadAttr(f.rt.attrCacheFor(pc-1), in, f.rt.names[arg]); ok {
						s[sp-1] = v
						continue
					}
				}
				var v Value
				v, err = t.GetAttr(s[sp-1], f.rt.names[arg])
				if err != nil {
					break
				}
				s[sp-1] = v
			case compiler.STORE_ATTR:
				if in, ok := s[sp-1].o.(*Instance); ok && t.cachedStoreAttr(f.rt.attrCacheFor(pc-1), in, f.rt.names[arg], s[sp-2]) {
					sp -= 2
					s[sp] = Null
					s[sp+1] = Null
					continue
				}
				err = t.SetAttr(s[sp-1], f.rt.names[arg], s[sp-2])
				sp -= 2
				s[sp] = Null
				s[sp+1] = Null
			case compiler.DELETE_ATTR:
				err = t.DelAttr(s[sp-1], f.rt.names[arg])
				sp--
			case compiler.LOAD_METHOD:
				o := s[sp-1]
				if in, ok := o.o.(*Instance); ok {
					if m, self, ok := t.cachedLoadMethod(f.rt.attrCacheFor(pc-1), in, f.rt.names[arg]); ok {
						s[sp-1] = m
						s[sp] = self
						sp++
						continue
					}
				}
				typ := o.Type()
				var c *attrCache
				if typ.builtin {
					// a built-in type's methods never change: cache the
					// descriptor at this instruction
					c = f.rt.attrCacheFor(pc - 1)
					if c.typ == typ && c.kind == cacheBuiltinMethod {
						if c.attr.o == Object(listAppendDescr) && pc+2 < len(instrs) && instrs[pc+1] == callMethod1 {
							// l.append(local) [; POP_TOP]: append directly
							if nx := instrs[pc]; nx&0xff == uint32(compiler.LOAD_FAST) && s[nx>>8].o != nil {
								o.o.(*List).Append(s[nx>>8])
								if instrs[pc+2]&0xff == uint32(compiler.POP_TOP) {
									sp--
									s[sp] = Null
									pc += 3
								} else {
									s[sp-1] = None
									pc += 2
								}
								continue
							}
						}
						s[sp-1] = c.attr
						s[sp] = o
						sp++
						continue
					}
				}
				m, self, e := t.loadMethod(o, f.rt.names[arg])
				if e != nil {
					err = e
					break
				}
				if c != nil && self.o != nil {
					if _, ok := m.o.(*MethodDescr); ok {
						*c = attrCache{typ: typ, attr: m, kind: cacheBuiltinMethod}
					}
				}
				s[sp-1] = m
				s[sp] = self
				sp++
			case compiler.BINARY_SUBSCR:
				a, i := s[sp-2], s[sp-1]
				if l, ok := a.o.(*List); ok && i.IsInt() {
					idx := i.AsInt()
					if idx < 0 {
						idx += int64(len(l.items))
					}
					if idx >= 0 && idx < int64(len(l.items)) {
						sp--
						s[sp-1] = l.items[idx]
						break
					}
				}
				var v Value
				v, err = t.GetItem(a, i)
				if err != nil {
					break
				}
				sp--
				s[sp-1] = v
			case compiler.STORE_SUBSCR:
				v, a, i := s[sp-3], s[sp-2], s[sp-1]
				sp -= 3
				if l, ok := a.o.(*List); ok && i.IsInt() {
					idx := i.AsInt()
					if idx < 0 {
						idx += int64(len(l.items))
					}
					if idx >= 0 && idx < int64(len(l.items)) {
						l.items[idx] = v
						break
					}
				}
				err = t.SetItem(a, i, v)
			case compiler.DELETE_SUBSCR:
				err = t.DelItem(s[sp-2], s[sp-1])
				sp -= 2
			case compiler.BUILD_SLICE:
				var step Value = None
				if arg == 3 {
					sp--
					step = s[sp]
				}
				sp--
				s[sp-1] = Obj(&Slice{start: s[sp-1], stop: s[sp], step: step})

			case compiler.BINARY_OP:
				a, b := s[sp-2], s[sp-1]
				if a.IsInt() && b.IsInt() {
					if r, ok := intBinaryFast(compiler.BinaryOp(arg), a.AsInt(), b.AsInt()); ok {
						sp--
						s[sp-1] = Int(r)
						continue
					}
				} else if a.IsFloat() && b.IsFloat() {
					if r, ok := floatBinaryFast(compiler.BinaryOp(arg), a.AsFloat(), b.AsFloat()); ok {
						sp--
						s[sp-1] = Float(r)
						continue
					}
				}
				var v Value
				v, err = t.BinaryOp(compiler.BinaryOp(arg), a, b)
				if err != nil {
					break
				}
				sp--
				s[sp-1] = v
			case opBinaryOpConst:
				// LOAD_CONST k; BINARY_OP op
				a, b := s[sp-1], f.rt.consts[arg>>5]
				op := compiler.BinaryOp(arg & 31)
				pc++
				if a.IsInt() && b.IsInt() {
					if r, ok := intBinaryFast(op, a.AsInt(), b.AsInt()); ok {
						s[sp-1] = Int(r)
						continue
					}
				} else if a.IsFloat() && b.IsFloat() {
					if r, ok := floatBinaryFast(op, a.AsFloat(), b.AsFloat()); ok {
						s[sp-1] = Float(r)
						continue
					}
				}
				var v Value
				v, err = t.BinaryOp(op, a, b)
				if err != nil {
					break
				}
				s[sp-1] = v
			case opCompareOpConst:
				// LOAD_CONST k; COMPARE_OP op [; POP_JUMP_IF_FALSE/TRUE t]
				a, b := s[sp-1], f.rt.consts[arg>>5]
				op := compiler.CompareOp(arg & 31)
				pc++
				var r bool
				if a.IsInt() && b.IsInt() {
					r = cmpInt64Op(op, a.AsInt(), b.AsInt())
				} else if a.IsFloat() && b.IsFloat() {
					r = cmpFloat(op, a.AsFloat(), b.AsFloat())
				} else {
					var v Value
					v, err = t.Compare(op, a, b)
					if err != nil {
						break
					}
					s[sp-1] = v
					continue
				}
				if npc, ok := compareJump(instrs, pc, r); ok {
					sp--
					s[sp] = Null
					if npc < pc {
						t.backEdge()
					}
					pc = npc
					continue
				}
				s[sp-1] = Bool(r)
			case opFastConstBinary:
				// LOAD_FAST a; LOAD_CONST k; BINARY_OP op
				a := s[arg&255]
				b := f.rt.consts[(arg>>8)&2047]
				if a.IsInt() && b.IsInt() {
					if r, ok := intBinaryFast(compiler.BinaryOp(arg>>19), a.AsInt(), b.AsInt()); ok {
						if nx := instrs[pc+2]; nx&0xff == uint32(compiler.STORE_FAST) {
							// ... STORE_FAST x: store the result directly
							s[nx>>8] = Int(r)
							pc += 3
							continue
						}
						s[sp] = Int(r)
						sp++
						pc += 2
						continue
					}
				}
				if a.o == nil {
					err = unboundLocal(f.code, int(arg&255))
					break
				}
				// general case: push the local and run the fused LOAD_CONST+BINARY_OP
				s[sp] = a
				sp++
			case opFastConstCompare:
				// LOAD_FAST a; LOAD_CONST k; COMPARE_OP op [; POP_JUMP_IF_*]
				a := s[arg&255]
				b := f.rt.consts[(arg>>8)&2047]
				if a.IsInt() && b.IsInt() {
					r := cmpInt64Op(compiler.CompareOp(arg>>19), a.AsInt(), b.AsInt())
					if npc, ok := compareJump(instrs, pc+2, r); ok {
						if npc < pc {
							t.backEdge()
						}
						pc = npc
						continue
					}
					s[sp] = Bool(r)
					sp++
					pc += 2
					continue
				}
				if a.o == nil {
					err = unboundLocal(f.code, int(arg&255))
					break
				}
				s[sp] = a
				sp++
			case opIsNoneJump:
				// LOAD_CONST None; IS_OP; POP_JUMP_IF_FALSE/TRUE
				sp--
				r := s[sp].IsNone() != (arg>>22&1 == 1)
				s[sp] = Null
				if r == (arg>>23 == 1) {
					if int(arg&(1<<22-1)) < pc {
						t.backEdge()
					}
					pc = int(arg & (1<<22 - 1))
				} else {
					pc += 2
				}
			case opFastIsNoneJump:
				// LOAD_FAST a; LOAD_CONST None; IS_OP; POP_JUMP_IF_FALSE/TRUE
				v := s[arg&255]
				if v.o == nil {
					err = unboundLocal(f.code, int(arg&255))
					break
				}
				if r := v.IsNone() != (arg>>8&1 == 1); r == (arg>>9&1 == 1) {
					if int(arg>>10) < pc {
						t.backEdge()
					}
					pc = int(arg >> 10)
				} else {
					pc += 3
				}
			case opFastFastCompare:
				// LOAD_FAST a; LOAD_FAST b; COMPARE_OP op [; POP_JUMP_IF_*]
				a, b := s[arg&255], s[arg>>8&255]
				if a.IsInt() && b.IsInt() {
					r := cmpInt64Op(compiler.CompareOp(arg>>16), a.AsInt(), b.AsInt())
					if npc, ok := compareJump(instrs, pc+2, r); ok {
						if npc < pc {
							t.backEdge()
						}
						pc = npc
						continue
					}
					s[sp] = Bool(r)
					sp++
					pc += 2
					continue
				}
				if a.o == nil || b.o == nil {
					pc++ // report as the second instruction
					err = unboundPair(f.code, a, arg&255, arg>>8&255)
					break
				}
				// general case: push both and let COMPARE_OP run
				s[sp] = a
				s[sp+1] = b
				sp += 2
				pc++
			case opMoveFast:
				// LOAD_FAST a; STORE_FAST b
				v := s[arg&4095]
				if v.o == nil {
					err = unboundLocal(f.code, int(arg&4095))
					break
				}
				s[arg>>12] = v
				pc++
			case opFastCompare:
				// LOAD_FAST a; COMPARE_OP op [; POP_JUMP_IF_*]
				a, b := s[sp-1], s[arg&0xffff]
				if a.IsInt() && b.IsInt() {
					r := cmpInt64Op(compiler.CompareOp(arg>>16), a.AsInt(), b.AsInt())
					if npc, ok := compareJump(instrs, pc+1, r); ok {
						sp--
						s[sp] = Null
						if npc < pc {
							t.backEdge()
						}
						pc = npc
						continue
					}
					s[sp-1] = Bool(r)
					pc++
					continue
				}
				if b.o == nil {
					err = unboundLocal(f.code, int(arg&0xffff))
					break
				}
				// general case: push the local and let COMPARE_OP run
				s[sp] = b
				sp++
			case opFastFastBinary:
				// LOAD_FAST a; LOAD_FAST b; BINARY_OP op
				a, b := s[arg&255], s[arg>>8&255]
				if a.IsInt() && b.IsInt() {
					if r, ok := intBinaryFast(compiler.BinaryOp(arg>>16), a.AsInt(), b.AsInt()); ok {
						if nx := instrs[pc+2]; nx&0xff == uint32(compiler.STORE_FAST) {
							// ... STORE_FAST x: store the result directly
							s[nx>>8] = Int(r)
							pc += 3
							continue
						}
						s[sp] = Int(r)
						sp++
						pc += 2
						continue
					}
				}
				if a.o == nil || b.o == nil {
					pc++ // report as the second instruction
					err = unboundPair(f.code, a, arg&255, arg>>8&255)
					break
				}
				// general case: push both and let BINARY_OP run
				s[sp] = a
				s[sp+1] = b
				sp += 2
				pc++
			case opLoadFastLoadFast:
				a, b := s[arg&4095], s[arg>>12]
				if a.o == nil || b.o == nil {
					pc++ // report as the second instruction
					err = unboundPair(f.code, a, arg&4095, arg>>12)
					break
				}
				s[sp] = a
				s[sp+1] = b
				sp += 2
				pc++
			case opLoadFastLoadConst:
				a := s[arg&4095]
				if a.o == nil {
					err = unboundLocal(f.code, int(arg&4095))
					break
				}
				s[sp] = a
				s[sp+1] = f.rt.consts[arg>>12]
				sp += 2
				pc++
			case opStoreFastLoadFast:
				sp--
				s[arg&4095] = s[sp]
				b := s[arg>>12]
				pc++
				if b.o == nil {
					err = unboundLocal(f.code, int(arg>>12))
					break
				}
				s[sp] = b
				sp++
			case compiler.UNARY_OP:
				var v Value
				v, err = t.UnaryOp(compiler.UnaryOp(arg), s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = v
			case compiler.COMPARE_OP:
				a, b := s[sp-2], s[sp-1]
				if a.IsInt() && b.IsInt() {
					r := cmpInt64Op(compiler.CompareOp(arg), a.AsInt(), b.AsInt())
					if npc, ok := compareJump(instrs, pc, r); ok {
						sp -= 2
						s[sp], s[sp+1] = Null, Null
						if npc < pc {
							t.backEdge()
						}
						pc = npc
						continue
					}
					sp--
					s[sp-1] = Bool(r)
					break
				}
				if a.IsFloat() && b.IsFloat() {
					sp--
					s[sp-1] = Bool(cmpFloat(compiler.CompareOp(arg), a.AsFloat(), b.AsFloat()))
					break
				}
				var v Value
				v, err = t.Compare(compiler.CompareOp(arg), a, b)
				if err != nil {
					break
				}
				sp--
				s[sp-1] = v
			case compiler.IS_OP:
				r := s[sp-2].Is(s[sp-1])
				sp--
				s[sp-1] = Bool(r != (arg == 1))
			case compiler.CONTAINS_OP:
				var r bool
				r, err = t.Contains(s[sp-1], s[sp-2])
				if err != nil {
					break
				}
				sp--
				s[sp-1] = Bool(r != (arg == 1))

			case compiler.JUMP:
				if int(arg) < pc {
					t.backEdge()
				}
				pc = int(arg)
			case compiler.POP_JUMP_IF_FALSE, compiler.POP_JUMP_IF_TRUE:
				v := s[sp-1]
				sp--
				var truth bool
				if v.IsBool() {
					truth = v.n != 0
				} else {
					truth, err = t.Truth(v)
					if err != nil {
						break
					}
				}
				if truth == (compiler.Opcode(ins&0xff) == compiler.POP_JUMP_IF_TRUE) {
					if int(arg) < pc {
						t.backEdge()
					}
					pc = int(arg)
				}
			case compiler.POP_JUMP_IF_NONE:
				sp--
				if s[sp].IsNone() {
					if int(arg) < pc {
						t.backEdge()
					}
					pc = int(arg)
				}
			case compiler.POP_JUMP_IF_NOT_NONE:
				sp--
				if !s[sp].IsNone() {
					if int(arg) < pc {
						t.backEdge()
					}
					pc = int(arg)
				}
			case compiler.JUMP_IF_FALSE_OR_POP, compiler.JUMP_IF_TRUE_OR_POP:
				var truth bool
				truth, err = t.Truth(s[sp-1])
				if err != nil {
					break
				}
				if truth == (compiler.Opcode(ins&0xff) == compiler.JUMP_IF_TRUE_OR_POP) {
					pc = int(arg)
				} else {
					sp--
				}
			case compiler.GET_ITER:
				if s[sp-1].n == ownedIter && arg == 1 {
					break // a generator, its own iterator, owned by this loop
				}
				var it Value
				it, err = t.Iter(s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = it
			case compiler.POP_ITER:
				sp--
				it := s[sp]
				s[sp] = Null
				if it.n == ownedIter {
					t.closeOwned(it)
				}
			case compiler.FOR_ITER, opJumpForIter:
				if ins&0xff == uint32(opJumpForIter) {
					// a loop's closing JUMP: run the FOR_ITER it targets
					t.backEdge()
					pc = int(arg)
					arg = instrs[pc] >> 8
					pc++
				}
				itv := s[sp-1]
				switch it := itv.o.(type) {
				case *rangeIter:
					if it.i < it.n {
						v := Int(it.start + it.i*it.step)
						it.i++
						if nx := instrs[pc]; nx&0xff == uint32(compiler.STORE_FAST) {
							// FOR_ITER; STORE_FAST: store the item directly
							s[nx>>8] = v
							pc++
							continue
						}
						s[sp] = v
						sp++
						continue
					}
					sp--
					pc = int(arg)
					continue
				case *listIter:
					if it.i < len(it.l.items) {
						v := it.l.items[it.i]
						it.i++
						if nx := instrs[pc]; nx&0xff == uint32(compiler.STORE_FAST) {
							s[nx>>8] = v
							pc++
							continue
						}
						s[sp] = v
						sp++
						continue
					}
					it.i = math.MaxInt
					sp--
					pc = int(arg)
					continue
				}
				if g, ok := itv.o.(*Generator); ok && g.started && !g.running && !g.done && g.yieldFrom == nil && g.delegator == nil && !g.coro && f.depth < t.in.recursionLimit {
					// fast path: resume a plain suspended generator here
					gf := g.frame
					d := f.depth + 1
					gf.depth = d
					t.depth = d
					gf.back = f
					g.running = true
					g.inlineFor = true
					if g.leaf != g {
						g.leaf = g
					}
					if t.handled.o != nil || g.callerHandled != nil {
						g.callerHandled = handledExc(t.handled)
					}
					if g.handled != nil {
						t.handled = Obj(g.handled)
					}
					f.pc, f.sp = pc, sp
					f = gf
					t.frame = f
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					if instrs[pc]&0xff == uint32(compiler.POP_TOP) {
						// YIELD_VALUE; POP_TOP: the None sent in is dropped at once
						pc++
					} else {
						s[sp] = None
						sp++
					}
					continue
				}
				if g, ok := itv.o.(*Generator); ok && !g.coro && g.delegator == nil && !g.running && !g.done {
					// resume the generator on this loop (no Go recursion)
					leaf, e := t.enterChain(g, f, None)
					if e != nil {
						err = e
						break
					}
					g.inlineFor = true
					f.pc, f.sp = pc, sp
					f = leaf.frame
					t.frame = f
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					continue
				}
				v, ok, e := t.Next(itv)
				if e != nil {
					err = e
					break
				}
				if !ok {
					sp--
					pc = int(arg)
					break
				}
				s[sp] = v
				sp++
			case compiler.RETURN_VALUE:
				v := s[sp-1]
				if g := f.gen; g != nil && f != entry {
					// a generator in a chain returned: hand the value to its
					// delegator's YIELD_FROM or end its caller's for loop
					nf := t.chainReturn(f)
					f = nf
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					if g.inlineFor && g.inlineSend {
						// send()/next() called from this loop: StopIteration
						g.inlineFor, g.inlineSend = false, false
						err = stopIteration(v)
						break
					}
					if g.inlineFor {
						g.inlineFor = false
						sp--
						s[sp] = Null
						_, target := compiler.DecodeInstr(instrs[pc-1])
						pc = int(target)
					} else {
						s[sp-1] = v
					}
					continue
				}
				if f == entry {
					f.sp = f.rt.nlocals
					t.frame = f.back
					t.releaseFrame(f)
					return v, nil
				}
				old := f
				f = f.back
				t.frame = f
				t.releaseFrame(old)
				instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
				s[sp-1] = v

			case compiler.BUILD_TUPLE:
				n := int(arg)
				var tup *Tuple
				if n == 0 {
					tup = emptyTuple
				} else {
					tup = NewTuple(append([]Value(nil), s[sp-n:sp]...))
				}
				clearStack(s[sp-n : sp])
				sp -= n
				s[sp] = Obj(tup)
				sp++
			case compiler.BUILD_LIST:
				n := int(arg)
				l := NewList(append(make([]Value, 0, n), s[sp-n:sp]...))
				clearStack(s[sp-n : sp])
				sp -= n
				s[sp] = Obj(l)
				sp++
			case compiler.BUILD_SET:
				n := int(arg)
				st := NewSet()
				for _, v := range s[sp-n : sp] {
					if err = st.Add(t, v); err != nil {
						break
					}
				}
				if err != nil {
					break
				}
				clearStack(s[sp-n : sp])
				sp -= n
				s[sp] = Obj(st)
				sp++
			case compiler.BUILD_MAP:
				n := int(arg)
				d := NewDict()
				for i := sp - 2*n; i < sp; i += 2 {
					if err = d.Set(t, s[i], s[i+1]); err != nil {
						break
					}
				}
				if err != nil {
					break
				}
				clearStack(s[sp-2*n : sp])
				sp -= 2 * n
				s[sp] = Obj(d)
				sp++
			case compiler.BUILD_STRING:
				n := int(arg)
				size := 0
				for _, v := range s[sp-n : sp] {
					size += len(v.o.(*Str).s)
				}
				buf := make([]byte, 0, size)
				for _, v := range s[sp-n : sp] {
					buf = append(buf, v.o.(*Str).s...)
				}
				clearStack(s[sp-n : sp])
				sp -= n
				s[sp] = StrValue(string(buf))
				sp++
			case compiler.LIST_APPEND:
				sp--
				l := s[sp-int(arg)].o.(*List)
				l.Append(s[sp])
			case compiler.SET_ADD:
				sp--
				err = s[sp-int(arg)].o.(*Set).Add(t, s[sp])
			case compiler.MAP_ADD:
				sp -= 2
				err = s[sp-int(arg)].o.(*Dict).Set(t, s[sp], s[sp+1])
			case compiler.LIST_EXTEND:
				sp--
				l := s[sp-int(arg)].o.(*List)
				err = t.extendList(l, s[sp])
			case compiler.SET_UPDATE:
				sp--
				st := s[sp-int(arg)].o.(*Set)
				err = st.Update(t, s[sp])
			case compiler.DICT_UPDATE:
				sp--
				d := s[sp-int(arg)].o.(*Dict)
				err = t.dictUpdate(d, s[sp], false, Null)
			case compiler.DICT_MERGE:
				sp--
				d := s[sp-int(arg)].o.(*Dict)
				err = t.dictUpdate(d, s[sp], true, s[sp-int(arg)-2])
			case compiler.LIST_TO_TUPLE:
				l := s[sp-1].o.(*List)
				s[sp-1] = Obj(NewTuple(l.items))
			case compiler.UNPACK_SEQUENCE:
				n := int(arg)
				v := s[sp-1]
				var items []Value
				switch x := v.o.(type) {
				case *Tuple:
					items = x.items
				case *List:
					items = x.items
				}
				if items != nil && len(items) == n {
					for i := 0; i < n; i++ {
						s[sp-1+n-1-i] = items[i]
					}
					sp += n - 1
					break
				}
				items, err = t.unpack(v, n, -1)
				if err != nil {
					break
				}
				for i := 0; i < n; i++ {
					s[sp-1+n-1-i] = items[i]
				}
				sp += n - 1
			case compiler.UNPACK_EX:
				before, after := int(arg&0xff), int(arg>>8)
				var items []Value
				items, err = t.unpack(s[sp-1], before, after)
				if err != nil {
					break
				}
				n := len(items)
				for i := 0; i < n; i++ {
					s[sp-1+n-1-i] = items[i]
				}
				sp += n - 1
			case compiler.FORMAT_VALUE:
				var spec Value
				if arg&4 != 0 {
					sp--
					spec = s[sp]
				}
				var r Value
				r, err = t.formatValue(s[sp-1], int(arg&3), spec)
				if err != nil {
					break
				}
				s[sp-1] = r

			case compiler.CALL, compiler.CALL_KW, compiler.CALL_METHOD, compiler.CALL_METHOD_KW:
				op := compiler.Opcode(ins & 0xff)
				n := int(arg)
				var kw []*Str
				top := sp
				if op == compiler.CALL_KW || op == compiler.CALL_METHOD_KW {
					kw = t.kwNames(f.rt, instrs, pc, s[sp-1])
					top--
				}
				fpos := top - n - 1
				argStart := fpos + 1
				if op == compiler.CALL_METHOD || op == compiler.CALL_METHOD_KW {
					fpos--
					if s[fpos+1].o != nil {
						argStart = fpos + 1
						n++
					} else {
						argStart = fpos + 2
					}
				}
				fv := s[fpos]
				args := s[argStart : argStart+n]
				if m, ok := fv.o.(*Method); ok && argStart == fpos+1 {
					if _, ok := m.fn.o.(*Function); ok {
						// self goes in the callable's slot, just before the args
						s[fpos] = m.self
						fv = m.fn
						args = s[fpos : argStart+n]
					}
				}
				if fn, ok := fv.o.(*Function); ok && fn.code.Flags&(compiler.FlagGenerator|compiler.FlagCoroutine|compiler.FlagAsyncGenerator) == 0 {
					nf, e := t.setupFunctionFrame(fn, args, kw)
					if e != nil {
						err = e
						break
					}
					t.backEdge()
					clearStack(s[fpos+1 : sp])
					f.pc = pc
					f.sp = fpos + 1
					nf.back = f
					f = nf
					t.frame = f
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, 0
					continue
				}
				var r Value
				if g, send, ok := inlineSendTarget(fv, args, kw); ok {
					// gen.send(v) / next(gen): resume the generator on this loop
					leaf, e := t.enterChain(g, f, send)
					if e != nil {
						err = e
						break
					}
					g.inlineFor, g.inlineSend = true, true
					clearStack(s[fpos:sp])
					f.pc, f.sp = pc, fpos
					f = leaf.frame
					t.frame = f
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					continue
				}
				if md, ok := fv.o.(*MethodDescr); ok && md == listAppendDescr && len(args) == 2 && kw == nil {
					// list.append: the commonest method call
					if l, ok := args[0].o.(*List); ok {
						l.Append(args[1])
						clearStack(s[fpos+1 : sp])
						if instrs[pc]&0xff == uint32(compiler.POP_TOP) {
							// the None result is discarded at once
							s[fpos] = Null
							sp = fpos
							pc++
							continue
						}
						sp = fpos + 1
						s[fpos] = None
						continue
					}
				}
				if b, ok := fv.o.(*Builtin); ok && b == lenBuiltin && len(args) == 1 && kw == nil {
					var n int
					if n, err = t.Len(args[0]); err != nil {
						break
					}
					clearStack(s[fpos+1 : sp])
					sp = fpos + 1
					s[fpos] = Int(int64(n))
					continue
				}
				if md, ok := fv.o.(*MethodDescr); ok && len(args) > len(kw) && !md.class && args[0].Type() == md.owner {
					r, err = md.fn(t, args[0], args[1:], kw)
				} else {
					r, err = t.Call(fv, args, kw)
					if instrs[pc] == getIterOwned && err == nil {
						if fn, ok := fv.o.(*Function); ok && fn.code.Flags&(compiler.FlagGenerator|compiler.FlagCoroutine|compiler.FlagAsyncGenerator) == compiler.FlagGenerator {
							// `for x in gen(...)`: the loop is the generator's only holder
							r.n = ownedIter
						}
					} else if instrs[pc] == getAIterOwned && err == nil {
						if fn, ok := fv.o.(*Function); ok && fn.code.Flags&compiler.FlagAsyncGenerator != 0 {
							// `async for x in agen(...)`
							r.n = ownedIter
						}
					}
				}
				if err != nil {
					break
				}
				clearStack(s[fpos+1 : sp])
				sp = fpos + 1
				s[fpos] = r
			case compiler.CALL_EX:
				var kwargs Value
				if arg&1 != 0 {
					sp--
					kwargs = s[sp]
					s[sp] = Null
				}
				sp--
				argt := s[sp]
				s[sp] = Null
				fv := s[sp-1]
				if fn, ok := fv.o.(*Function); ok && fn.code.Flags&(compiler.FlagGenerator|compiler.FlagCoroutine|compiler.FlagAsyncGenerator) == 0 {
					// f(*args, **kwargs) of a Python function: a frame on this loop
					args, names, e := t.spreadArgs(fv, argt, kwargs)
					if e != nil {
						err = e
						break
					}
					nf, e := t.setupFunctionFrame(fn, args, names)
					if e != nil {
						err = e
						break
					}
					f.pc = pc
					f.sp = sp
					nf.back = f
					f = nf
					t.frame = f
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, 0
					continue
				}
				var r Value
				r, err = t.callEx(fv, argt, kwargs)
				if err != nil {
					break
				}
				s[sp-1] = r
			case compiler.MAKE_FUNCTION:
				sp--
				co := s[sp].o.(*CodeObject).code
				fn := NewFunction(co, f.globals)
				if arg&8 != 0 {
					sp--
					cells := s[sp].o.(*Tuple).items
					fn.closure = make([]*Cell, len(cells))
					for i, c := range cells {
						fn.closure[i] = c.o.(*Cell)
					}
				}
				if arg&4 != 0 {
					sp--
					fn.dictOrNew().SetStr(Intern("__annotations__"), s[sp])
					s[sp] = Null
				}
				if arg&2 != 0 {
					sp--
					fn.kwdefaults = s[sp].o.(*Dict)
				}
				if arg&1 != 0 {
					sp--
					fn.defaults = s[sp].o.(*Tuple).items
				}
				s[sp] = Obj(fn)
				sp++
			case compiler.IMPORT_NAME:
				name := f.rt.names[arg]
				var m Value
				m, err = t.importName(f, name.s, s[sp-1], s[sp-2])
				if err != nil {
					break
				}
				sp--
				s[sp-1] = m
			case compiler.IMPORT_FROM:
				var v Value
				v, err = t.importFrom(s[sp-1], f.rt.names[arg])
				if err != nil {
					break
				}
				s[sp] = v
				sp++
			case compiler.IMPORT_STAR:
				sp--
				ns := f.locals
				if ns == nil {
					ns = f.globals
				}
				err = t.importStar(s[sp], ns)
			case compiler.PRINT_EXPR:
				sp--
				err = t.printExpr(s[sp])

			case compiler.RAISE_VARARGS:
				switch arg {
				case 0:
					h, ok := t.currentHandled().o.(*Exception)
					if !ok {
						err = Errorf(RuntimeErrorType, "No active exception to reraise")
						break
					}
					err = h
					reraise = true
				case 1:
					sp--
					err = t.makeRaise(s[sp], Null, false)
				case 2:
					sp -= 2
					err = t.makeRaise(s[sp], s[sp+1], true)
				}
			case compiler.RERAISE:
				sp--
				err = s[sp].o.(*Exception)
				reraise = true
			case compiler.PUSH_EXC_INFO:
				exc := s[sp-1]
				prev := t.handled
				if prev.o == nil {
					prev = None
				}
				s[sp-1] = prev
				s[sp] = exc
				sp++
				t.handled = exc
			case compiler.POP_EXCEPT:
				sp--
				t.handled = s[sp]
			case compiler.CHECK_EXC_MATCH:
				var ok bool
				ok, err = t.excMatch(s[sp-2], s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = Bool(ok)
			case compiler.BEFORE_WITH:
				var exit, res Value
				exit, res, err = t.beforeWith(s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = exit
				s[sp] = res
				sp++
			case compiler.WITH_EXCEPT_START:
				exit := s[sp-3]
				exc := s[sp-1]
				e := exc.o.(*Exception)
				tb := None
				if e.tb != nil {
					tb = Obj(e.tb)
				}
				var r Value
				r, err = t.Call(exit, []Value{Obj(e.cls), exc, tb}, nil)
				if err != nil {
					break
				}
				s[sp] = r
				sp++

			case compiler.YIELD_VALUE, opLoadFastYield:
				if ins&0xff == uint32(opLoadFastYield) {
					// LOAD_FAST a; YIELD_VALUE
					v := s[arg]
					if v.o == nil {
						err = unboundLocal(f.code, int(arg))
						break
					}
					s[sp] = v
					sp++
					pc++
				}
				if f.gen == nil {
					err = Errorf(SystemErrorType, "yield outside a generator frame")
					break
				}
				v := s[sp-1]
				sp--
				s[sp] = Null
				f.pc, f.sp = pc, sp
				if f.gen.agen {
					v = Obj(&asyncGenWrapped{v: v})
				}
				if g := f.gen; g.inlineFor && g.root == g {
					// fast path: a plain generator yields to its for loop
					if t.handled.o != nil || g.callerHandled != nil {
						g.handled = ownHandled(t.handled, g.callerHandled)
						t.handled = handledValue(g.callerHandled)
					}
					nf := f.back
					f.back = nil
					g.running = false
					g.inlineFor = false
					g.inlineSend = false
					g.leafDepth = 0
					t.depth = nf.depth
					t.frame = nf
					f = nf
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					if nx := instrs[pc]; nx&0xff == uint32(compiler.STORE_FAST) {
						// the for loop's STORE_FAST takes the item directly
						s[nx>>8] = v
						pc++
						continue
					}
					s[sp] = v
					sp++
					continue
				}
				nf := t.chainYield(f)
				if nf == nil {
					return v, nil
				}
				f = nf
				instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
				s[sp] = v
				sp++
			case compiler.YIELD_FROM:
				sub, v := s[sp-2], s[sp-1]
				if g, ok := sub.o.(*Generator); ok && f.gen != nil && g.delegator == nil && !g.running && !g.done {
					// link the sub-generator's frame under this one and run it
					// here: later resumes go straight to the innermost frame
					if !g.started && !v.IsNone() {
						sp -= 2
						s[sp], s[sp+1] = Null, Null
						err = Errorf(TypeErrorType, "can't send non-None value to a just-started %s", g.kind())
						break
					}
					sp--
					s[sp] = Null
					f.pc, f.sp = pc, sp
					leaf, e := t.linkSub(f, g, v)
					if e != nil {
						err = e
						break
					}
					f = leaf.frame
					t.frame = f
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					continue
				}
				r, done, e := t.yieldFromStep(sub, v, nil)
				if e != nil {
					sp -= 2
					s[sp], s[sp+1] = Null, Null
					err = e
					break
				}
				if done {
					sp--
					s[sp] = Null
					s[sp-1] = r
					if f.gen != nil {
						f.gen.yieldFrom = nil
					}
					break
				}
				if f.gen == nil {
					err = Errorf(SystemErrorType, "yield from outside a generator frame")
					break
				}
				sp--
				s[sp] = Null
				f.gen.yieldFrom = sub.o
				f.pc, f.sp = pc-1, sp
				nf := t.chainYield(f)
				if nf == nil {
					return r, nil
				}
				f = nf
				instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
				s[sp] = r
				sp++
			case compiler.GET_YIELD_FROM_ITER:
				var it Value
				it, err = t.getYieldFromIter(s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = it
			case compiler.GET_AWAITABLE:
				var it Value
				it, err = t.getAwaitable(s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = it
			case compiler.GET_AITER:
				if arg == 1 && s[sp-1].n == ownedIter {
					break // an async generator, its own iterator, owned by this loop
				}
				r, ok, e := t.callSpecial(s[sp-1], strAiter)
				if !ok {
					err = Errorf(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", s[sp-1].Type().Name)
					break
				}
				if e != nil {
					err = e
					break
				}
				s[sp-1] = r
			case compiler.GET_ANEXT:
				r, ok, e := t.callSpecial(s[sp-1], strAnext)
				if !ok {
					err = Errorf(TypeErrorType, "'async for' requires an iterator with __anext__ method, got %s", s[sp-1].Type().Name)
					break
				}
				if e != nil {
					err = e
					break
				}
				aw, e := t.getAwaitable(r)
				if e != nil {
					err = Errorf(TypeErrorType, "'async for' received an invalid object from __anext__: %s", r.Type().Name)
					break
				}
				s[sp] = aw
				sp++
			case compiler.END_ASYNC_FOR:
				exc := s[sp-1].o.(*Exception)
				if exc.cls.IsSubtype(StopAsyncIterationType) {
					sp -= 2
					s[sp], s[sp+1] = Null, Null
					break
				}
				sp--
				err = exc
				reraise = true
			case compiler.BEFORE_ASYNC_WITH:
				var exit, res Value
				exit, res, err = t.beforeAsyncWith(s[sp-1])
				if err != nil {
					break
				}
				s[sp-1] = exit
				s[sp] = res
				sp++
			default:
				err = Errorf(SystemErrorType, "unknown opcode %d", ins&0xff)
			}
			if err != nil {
				pending, pendingReraise = err, reraise
				break
			}
		}
		if pending != nil {
			err, reraise = pending, pendingReraise
			pending = nil
		}

		// ---- exception unwinding
		exc := t.toException(err)
		err = nil
		if !reraise {
			if exc.context.o == nil {
				hv := t.currentHandled()
				if thrown {
					hv = Null
					if f.gen != nil {
						hv = handledValue(f.gen.handled)
					}
				}
				if h, ok := hv.o.(*Exception); ok && h != exc {
					exc.context = Obj(h)
				}
			}
			thrown = false
			exc.addTraceback(f, pc-1)
		}
		reraise = false
		for {
			if h := f.code.Handler(pc - 1); h != nil {
				t.closeOwnedIn(s[f.rt.nlocals+int(h.Depth) : sp])
				clearStack(s[f.rt.nlocals+int(h.Depth) : sp])
				sp = f.rt.nlocals + int(h.Depth)
				s[sp] = Obj(exc)
				sp++
				pc = int(h.Target)
				break
			}
			t.closeOwnedIn(s[f.rt.nlocals:sp])
			clearStack(s[f.rt.nlocals:sp])
			if g := f.gen; g != nil {
				exc = t.genFinishedWith(g, exc)
				if f != entry {
					nf := t.chainReturn(f)
					g.inlineFor, g.inlineSend = false, false
					f = nf
					instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
					exc.addTraceback(f, pc-1)
					continue
				}
			}
			if f == entry {
				f.sp = f.rt.nlocals
				t.frame = f.back
				t.releaseFrame(f)
				return Null, exc
			}
			old := f
			f = f.back
			t.frame = f
			t.releaseFrame(old)
			instrs, s, sp, pc = f.rt.instrs, f.slots, f.sp, f.pc
			exc.addTraceback(f, pc-1)
		}
	}
}

// unboundLocal is the error of reading local i before it is assigned.
func unboundLocal(code *compiler.Code, i int) error {
	return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", code.VarNames[i])
}

// unboundPair is the error of a fused pair of LOAD_FASTs (locals ia and
// ib) when one is unbound: the first, a, if it is.
func unboundPair(code *compiler.Code, a Value, ia, ib uint32) error {
	if a.o == nil {
		return unboundLocal(code, int(ia))
	}
	return unboundLocal(code, int(ib))
}

// ownedIter marks (in Value.n, unused for objects) a generator that only
// a for loop holds: `for x in gen(...)` (GET_ITER 1).
const ownedIter = 0x6f776e6564697472

// getIterOwned is the instruction after the call in `for x in f(...)`;
// getAIterOwned in `async for x in f(...)`.
var (
	getIterOwned  = compiler.MakeInstr(compiler.GET_ITER, 1)
	getAIterOwned = compiler.MakeInstr(compiler.GET_AITER, 1)
)

// closeOwned closes a generator its for loop abandons (break, return, an
// exception): with no other holder, CPython's reference count would close
// it then, running its finally blocks.
func (t *Thread) closeOwned(it Value) {
	g, ok := it.o.(*Generator)
	if !ok || g.done || !g.started || g.running {
		return
	}
	if g.agen {
		t.finalizeAgen(g)
		return
	}
	if err := t.genClose(g); err != nil {
		if e, ok := err.(*Exception); ok {
			t.writeUnraisable(e, Obj(g))
		}
	}
}

// closeOwnedIn closes the owned generators in a stack region that an
// exception unwinds.
func (t *Thread) closeOwnedIn(region []Value) {
	for i := range region {
		if region[i].n == ownedIter {
			t.closeOwned(region[i])
		}
	}
}

// backEdge is the eval breaker, tested at backward jumps and calls:
// another thread has waited a switch interval for the interpreter lock.
func (t *Thread) backEdge() {
	if t.breaker.Load() != 0 {
		t.yieldGIL()
	}
}

// compareJump finishes a fused comparison with result r: when the
// instruction at next is a conditional jump, it returns the pc to go on at.
func compareJump(instrs []uint32, next int, r bool) (int, bool) {
	ins := instrs[next]
	switch compiler.Opcode(ins & 0xff) {
	case compiler.POP_JUMP_IF_FALSE:
		if !r {
			return int(ins >> 8), true
		}
	case compiler.POP_JUMP_IF_TRUE:
		if r {
			return int(ins >> 8), true
		}
	default:
		return 0, false
	}
	return next + 1, true
}

// Instructions the interpreter looks ahead for.
var (
	call1       = compiler.MakeInstr(compiler.CALL, 1)
	callMethod1 = compiler.MakeInstr(compiler.CALL_METHOD, 1)
)

// quickLen is len(v) for the built-in containers whose length is a field.
func quickLen(v Value) (int, bool) {
	switch x := v.o.(type) {
	case *List:
		return len(x.items), true
	case *Tuple:
		return len(x.items), true
	case *Dict:
		return x.Len(), true
	}
	return 0, false
}

func clearStack(vs []Value) {
	for i := range vs {
		vs[i] = Null
	}
}

func cmpFloat(op compiler.CompareOp, x, y float64) bool {
	switch op {
	case compiler.CmpLt:
		return x < y
	case compiler.CmpLe:
		return x <= y
	case compiler.CmpEq:
		return x == y
	case compiler.CmpNe:
		return x != y
	case compiler.CmpGt:
		return x > y
	}
	return x >= y
}

func (t *Thread) unboundCell(code *compiler.Code, i int) error {
	if i < len(code.CellVars) {
		return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", code.CellVars[i])
	}
	return Errorf(NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", code.FreeVars[i-len(code.CellVars)])
}

// kwNames returns the keyword names of a CALL_KW: the constant tuple the
// previous instruction loaded.
func (t *Thread) kwNames(rt *codeRT, instrs []uint32, pc int, tv Value) []*Str {
	if pc >= 2 {
		op, a := compiler.DecodeInstr(instrs[pc-2])
		if op == compiler.LOAD_CONST && rt.kwnames[a] != nil {
			return rt.kwnames[a]
		}
	}
	tup := tv.o.(*Tuple)
	out := make([]*Str, len(tup.items))
	for i, v := range tup.items {
		out[i] = v.o.(*Str)
	}
	return out
}

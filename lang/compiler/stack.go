// stack.go computes the value-stack effect of every instruction and the
// maximum stack depth of a code object by a flow analysis over all paths
// (jumps, fall-throughs and exception handlers), checking on the way that
// the depth is the same whenever two paths meet.

package compiler

import (
	"fmt"
	"math/bits"
)

// StackEffect returns the net change of the stack depth caused by
// executing an instruction; jump selects the effect when a conditional
// jump (or FOR_ITER / JUMP_IF_*_OR_POP) is taken.
func StackEffect(op Opcode, arg uint32, jump bool) int {
	n := int(arg)
	switch op {
	case NOP, SWAP, JUMP, UNARY_OP, LOAD_ATTR, GET_ITER, LIST_TO_TUPLE, CHECK_EXC_MATCH,
		YIELD_VALUE, GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER,
		DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME:
		return 0
	case POP_TOP, POP_ITER, STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME, BINARY_SUBSCR,
		BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, RETURN_VALUE, DELETE_ATTR,
		POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE,
		IMPORT_NAME, IMPORT_STAR, PRINT_EXPR, RERAISE, POP_EXCEPT, YIELD_FROM:
		return -1
	case COPY, LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF, LOAD_GLOBAL,
		LOAD_NAME, LOAD_BUILD_CLASS, LOAD_ASSERTION_ERROR, LOAD_METHOD, IMPORT_FROM,
		PUSH_EXC_INFO, BEFORE_WITH, WITH_EXCEPT_START, GET_ANEXT, BEFORE_ASYNC_WITH:
		return 1
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD, END_ASYNC_FOR:
		return -2
	case STORE_SUBSCR:
		return -3
	case BUILD_SLICE:
		return 1 - n
	case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP:
		if jump {
			return 0
		}
		return -1
	case FOR_ITER:
		if jump {
			return -1
		}
		return 1
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - n
	case BUILD_MAP:
		return 1 - 2*n
	case UNPACK_SEQUENCE:
		return n - 1
	case UNPACK_EX:
		return int(arg&0xff) + int(arg>>8)
	case FORMAT_VALUE:
		if arg&4 != 0 {
			return -1
		}
		return 0
	case CALL:
		return -n
	case CALL_KW:
		return -n - 1
	case CALL_METHOD:
		return -n - 1
	case CALL_METHOD_KW:
		return -n - 2
	case CALL_EX:
		return -1 - int(arg&1)
	case MAKE_FUNCTION:
		return -bits.OnesCount32(arg & (1 | 2 | 4 | 8))
	case RAISE_VARARGS:
		return -n
	}
	return 0
}

// isTerminal reports whether op never falls through to the next instruction.
func isTerminal(op Opcode) bool {
	switch op {
	case JUMP, RETURN_VALUE, RERAISE, RAISE_VARARGS:
		return true
	}
	return false
}

// isJump reports whether op's argument is a jump target.
func isJump(op Opcode) bool {
	switch op {
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER:
		return true
	}
	return false
}

// stackPops returns how many items an instruction reads (pops) from the
// stack before pushing its results; used to check handler depths.
func stackPops(op Opcode, arg uint32) int {
	e := StackEffect(op, arg, false)
	if op == COPY || op == SWAP {
		return 0 // they cannot raise
	}
	if e < 0 {
		return -e
	}
	return 0
}

// analyzeStack returns the maximum stack depth of c, or an error when the
// depths of two paths disagree, the depth goes negative, an exception
// handler would have to pop below its recorded depth, or a jump leaves the
// code.
func analyzeStack(c *Code) (int, error) {
	n := len(c.Instrs)
	depth := make([]int, n+1)
	for i := range depth {
		depth[i] = -1
	}
	maxDepth := 0
	var work []int
	var fail error
	reach := func(from, pc, d int) {
		if fail != nil {
			return
		}
		if pc < 0 || pc >= n {
			fail = fmt.Errorf("%s: instruction %d: jump to %d outside the code", c.Name, from, pc)
			return
		}
		if d < 0 {
			fail = fmt.Errorf("%s: instruction %d: negative stack depth", c.Name, from)
			return
		}
		if depth[pc] == -1 {
			depth[pc] = d
			if d > maxDepth {
				maxDepth = d
			}
			work = append(work, pc)
		} else if depth[pc] != d {
			fail = fmt.Errorf("%s: instruction %d reached with stack depth %d and %d (from %d)", c.Name, pc, depth[pc], d, from)
		}
	}
	if n > 0 {
		reach(-1, 0, 0)
	}
	for len(work) > 0 && fail == nil {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		d := depth[pc]
		op, arg := DecodeInstr(c.Instrs[pc])
		if h := c.Handler(pc); h != nil {
			after := d + StackEffect(op, arg, false)
			if int(h.Depth) > d-stackPops(op, arg) || (!isTerminal(op) && int(h.Depth) > after) {
				return 0, fmt.Errorf("%s: instruction %d (%v) at depth %d is covered by a handler of depth %d", c.Name, pc, op, d, h.Depth)
			}
			reach(pc, int(h.Target), int(h.Depth)+1)
		}
		if d-stackPops(op, arg) < 0 {
			return 0, fmt.Errorf("%s: instruction %d (%v) pops %d items from a stack of %d", c.Name, pc, op, stackPops(op, arg), d)
		}
		if isJump(op) {
			reach(pc, int(arg), d+StackEffect(op, arg, true))
		}
		if !isTerminal(op) {
			if pc+1 >= n {
				return 0, fmt.Errorf("%s: instruction %d (%v) falls off the end of the code", c.Name, pc, op)
			}
			reach(pc, pc+1, d+StackEffect(op, arg, false))
		}
		if op == RETURN_VALUE && d != 1 {
			return 0, fmt.Errorf("%s: instruction %d: RETURN_VALUE with stack depth %d", c.Name, pc, d)
		}
	}
	if fail != nil {
		return 0, fail
	}
	return maxDepth, nil
}

// verify_test.go is the stack-depth verifier used by the tests: it
// simulates the stack effect of every instruction along all paths of a
// code object (and of its nested code objects) and checks that depths
// agree at join points, never go negative, stay within StackSize, and that
// exception handlers never have to pop below their recorded depth.

package compiler

import (
	"testing"
)

func verifyAll(t *testing.T, where string, c *Code) {
	t.Helper()
	if err := verifyCode(c); err != nil {
		t.Errorf("%s: %v", where, err)
	}
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			verifyAll(t, where, sub)
		}
	}
}

func verifyCode(c *Code) error {
	if len(c.Lines) != len(c.Instrs) {
		return errorf("%s: %d lines for %d instructions", c.Name, len(c.Lines), len(c.Instrs))
	}
	for i, e := range c.ExcTable {
		if e.Start >= e.End || e.End > int32(len(c.Instrs)) || e.Target < 0 || e.Target >= int32(len(c.Instrs)) || e.Depth < 0 {
			return errorf("%s: bad exception entry %d: %+v", c.Name, i, e)
		}
		if i > 0 && c.ExcTable[i-1].End > e.Start {
			return errorf("%s: overlapping exception entries %d and %d", c.Name, i-1, i)
		}
	}
	for pc, ins := range c.Instrs {
		op, arg := DecodeInstr(ins)
		if op >= numOpcodes {
			return errorf("%s: instruction %d: bad opcode %d", c.Name, pc, op)
		}
		switch op {
		case LOAD_CONST:
			if int(arg) >= len(c.Consts) {
				return errorf("%s: instruction %d: const %d out of range", c.Name, pc, arg)
			}
		case LOAD_FAST, STORE_FAST, DELETE_FAST:
			if int(arg) >= len(c.VarNames) {
				return errorf("%s: instruction %d: local %d out of range", c.Name, pc, arg)
			}
		case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
			if int(arg) >= c.NumCells() {
				return errorf("%s: instruction %d: cell %d out of range", c.Name, pc, arg)
			}
		case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
			LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
			if int(arg) >= len(c.Names) {
				return errorf("%s: instruction %d: name %d out of range", c.Name, pc, arg)
			}
		case CALL_KW, CALL_METHOD_KW:
			// the names tuple must be the constant just before
			if pc == 0 {
				return errorf("%s: instruction %d: %v without names", c.Name, pc, op)
			}
			pop, parg := DecodeInstr(c.Instrs[pc-1])
			if pop != LOAD_CONST {
				return errorf("%s: instruction %d: %v not preceded by LOAD_CONST", c.Name, pc, op)
			}
			names, ok := c.Consts[parg].(Tuple)
			if !ok || len(names) > int(arg) {
				return errorf("%s: instruction %d: bad keyword names", c.Name, pc)
			}
		}
	}
	depth, err := analyzeStack(c)
	if err != nil {
		return err
	}
	if depth > c.StackSize {
		return errorf("%s: max depth %d > StackSize %d", c.Name, depth, c.StackSize)
	}
	return nil
}

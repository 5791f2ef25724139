// Package jsonmod implements yflow's built-in json module: dumps, dump,
// loads, load, JSONDecodeError, and minimal JSONEncoder/JSONDecoder
// classes, matching CPython 3.11's output and error messages.
package jsonmod

import (
	"fmt"

	"yflow/stdlib/modutil"
	"yflow/vm"
)

// Module builds the json module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("json")
	errCls, err := vm.NewClass(t, "JSONDecodeError", "json.decoder", []*vm.Type{vm.ValueErrorType}, nil)
	if err != nil {
		return nil, err
	}
	m.Set("JSONDecodeError", vm.Obj(errCls))
	modutil.Def(m, "dumps", dumps)
	modutil.Def(m, "dump", dump)

	decodeErr := func(t *vm.Thread, doc string, se *SyntaxError) error {
		pos, line, col := position(doc, se.Pos)
		msg := fmt.Sprintf("%s: line %d column %d (char %d)", se.Msg, line, col, pos)
		ev, err := t.Call(vm.Obj(errCls), []vm.Value{vm.StrValue(msg)}, nil)
		if err != nil {
			return err
		}
		e, ok := ev.Object().(*vm.Exception)
		if !ok {
			return vm.Errorf(vm.ValueErrorType, "%s", msg)
		}
		d := e.ExcDict()
		d.SetStr(vm.Intern("msg"), vm.StrValue(se.Msg))
		d.SetStr(vm.Intern("doc"), vm.StrValue(doc))
		d.SetStr(vm.Intern("pos"), vm.Int(int64(pos)))
		d.SetStr(vm.Intern("lineno"), vm.Int(int64(line)))
		d.SetStr(vm.Intern("colno"), vm.Int(int64(col)))
		return e
	}
	loadsNames := []string{"s", "cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"}
	loadsImpl := func(t *vm.Thread, name string, args []vm.Value, kw []*vm.Str, fromFile bool) (vm.Value, error) {
		var s, cls, oh, pf, pi, pc, oph, strict vm.Value
		if err := vm.UnpackArgs(name, args, kw, loadsNames, 1, &s, &cls, &oh, &pf, &pi, &pc, &oph, &strict); err != nil {
			return vm.Null, err
		}
		if fromFile {
			r, err := t.CallMethod(s, "read", nil, nil)
			if err != nil {
				return vm.Null, err
			}
			s = r
		}
		var doc string
		if str, ok := s.AsStr(); ok {
			doc = str.String()
			if len(doc) >= 3 && doc[:3] == "\xef\xbb\xbf" {
				return vm.Null, decodeErr(t, doc, &SyntaxError{"Unexpected UTF-8 BOM (decode using utf-8-sig)", 0})
			}
		} else {
			switch s.Type() {
			case vm.BytesType, vm.ByteArrayType:
				r, err := t.CallMethod(s, "decode", nil, nil)
				if err != nil {
					return vm.Null, err
				}
				doc, _ = modutil.Str(r)
			default:
				return vm.Null, vm.Errorf(vm.TypeErrorType, "the JSON object must be str, bytes or bytearray, not %s", s.Type().Name)
			}
		}
		d := &decoder{t: t, s: doc, objectHook: oh, pairsHook: oph, parseFloat: pf, parseInt: pi, parseConstant: pc, strict: true}
		if !strict.IsNull() {
			b, err := t.Truth(strict)
			if err != nil {
				return vm.Null, err
			}
			d.strict = b
		}
		v, err := d.decode()
		if se, ok := err.(*SyntaxError); ok {
			return vm.Null, decodeErr(t, doc, se)
		}
		return v, err
	}
	modutil.Def(m, "loads", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return loadsImpl(t, "loads", args, kw, false)
	})
	modutil.Def(m, "load", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return loadsImpl(t, "load", args, kw, true)
	})

	// JSONEncoder: only its default() hook matters to dumps(cls=...).
	enc, err := vm.NewClass(t, "JSONEncoder", "json.encoder", nil, nil)
	if err != nil {
		return nil, err
	}
	vm.AddMethod(enc, "default", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("default", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		return vm.Null, vm.Errorf(vm.TypeErrorType, "Object of type %s is not JSON serializable", args[0].Type().Name)
	})
	vm.AddMethod(enc, "encode", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("encode", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		def, err := t.GetAttr(self, vm.Intern("default"))
		if err != nil {
			return vm.Null, err
		}
		e := &encoder{t: t, itemSep: ", ", keySep: ": ", ensureASCII: true, allowNaN: true, def: def}
		if err := e.encode(args[0], 0); err != nil {
			return vm.Null, err
		}
		return vm.StrValue(e.b.String()), nil
	})
	m.Set("JSONEncoder", vm.Obj(enc))
	return m, nil
}

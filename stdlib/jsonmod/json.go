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
	// JSONDecodeError(msg, doc, pos): the message names the line and
	// column, as CPython's
	ns := vm.NewDict()
	ns.SetStr(vm.Intern("__init__"), vm.Obj(vm.NewBuiltin("__init__", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var self, msgV, docV, posV vm.Value
		if err := vm.UnpackArgs("__init__", args, kw, []string{"self", "msg", "doc", "pos"}, 4, &self, &msgV, &docV, &posV); err != nil {
			return vm.Null, err
		}
		msg, err := t.Str(msgV)
		if err != nil {
			return vm.Null, err
		}
		doc, err := t.Str(docV)
		if err != nil {
			return vm.Null, err
		}
		pos, err := t.Index(posV)
		if err != nil {
			return vm.Null, err
		}
		runes := []rune(doc)
		if pos < 0 || pos > int64(len(runes)) {
			pos = max(0, min(pos, int64(len(runes))))
		}
		line, lastNL := 1, -1
		for i, r := range runes[:pos] {
			if r == '\n' {
				line++
				lastNL = i
			}
		}
		col := int(pos) - lastNL
		full := fmt.Sprintf("%s: line %d column %d (char %d)", msg, line, col, pos)
		if err := t.SetAttr(self, vm.Intern("args"), vm.TupleValue(vm.StrValue(full))); err != nil {
			return vm.Null, err
		}
		for k, v := range map[string]vm.Value{"msg": msgV, "doc": docV, "pos": posV, "lineno": vm.Int(int64(line)), "colno": vm.Int(int64(col))} {
			if err := t.SetAttr(self, vm.Intern(k), v); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})))
	errCls, err := vm.NewClass(t, "JSONDecodeError", "json.decoder", []*vm.Type{vm.ValueErrorType}, ns)
	if err != nil {
		return nil, err
	}
	m.Set("JSONDecodeError", vm.Obj(errCls))
	modutil.Def(m, "dumps", dumps)
	modutil.Def(m, "dump", dump)

	decodeErr := func(t *vm.Thread, doc string, se *SyntaxError) error {
		pos, _, _ := position(doc, se.Pos)
		ev, err := t.Call(vm.Obj(errCls), []vm.Value{vm.StrValue(se.Msg), vm.StrValue(doc), vm.Int(int64(pos))}, nil)
		if err != nil {
			return err
		}
		if e, ok := ev.Object().(*vm.Exception); ok {
			return e
		}
		return vm.Errorf(vm.ValueErrorType, "%s", se.Msg)
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

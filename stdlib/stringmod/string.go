// Package stringmod implements yflow's built-in string module: the
// constants (ascii_letters, digits, punctuation, ...) and capwords in Go,
// and Template in yflow (string.yf, embedded), matched by _finditer.
package stringmod

import (
	_ "embed"
	"strings"

	"yflow/stdlib/contextlibmod"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

//go:embed string.yf
var source []byte

// Module builds the string module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("string")
	lower := "abcdefghijklmnopqrstuvwxyz"
	upper := "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits := "0123456789"
	punct := "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	ws := " \t\n\r\x0b\x0c"
	for k, v := range map[string]string{
		"ascii_lowercase": lower, "ascii_uppercase": upper, "ascii_letters": lower + upper,
		"digits": digits, "hexdigits": digits + "abcdefABCDEF", "octdigits": "01234567",
		"punctuation": punct, "whitespace": ws, "printable": digits + lower + upper + punct + ws,
	} {
		m.Set(k, vm.StrValue(v))
	}
	modutil.Def(m, "capwords", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var sv, sepv vm.Value
		if err := vm.UnpackArgs("capwords", args, kw, []string{"s", "sep"}, 1, &sv, &sepv); err != nil {
			return vm.Null, err
		}
		var parts []vm.Value
		var err error
		var sepArgs []vm.Value
		if !sepv.IsNull() && !sepv.IsNone() {
			sepArgs = []vm.Value{sepv}
		}
		r, err := t.CallMethod(sv, "split", sepArgs, nil)
		if err != nil {
			return vm.Null, err
		}
		if parts, err = t.ToList(r); err != nil {
			return vm.Null, err
		}
		out := make([]string, len(parts))
		for i, p := range parts {
			c, err := t.CallMethod(p, "capitalize", nil, nil)
			if err != nil {
				return vm.Null, err
			}
			out[i], _ = modutil.Str(c)
		}
		sep := " "
		if len(sepArgs) == 1 {
			sep, _ = modutil.Str(sepv)
		}
		return vm.StrValue(strings.Join(out, sep)), nil
	})
	modutil.Def(m, "_finditer", finditer)
	// compiled on first use of a name it defines (see RunLazily)
	contextlibmod.RunLazily(m, "<frozen string>", source)
	return m, nil
}

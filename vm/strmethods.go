// strmethods.go: the methods of str and bytes, formatting (%, str.format,
// format()), and str/bytes repr. (Being written: stubs for now.)

package vm

import (
	"strconv"
	"unicode/utf8"
)

func setupStrMethods()   {}
func setupBytesMethods() {}

// strRepr is repr() of a str.
func strRepr(s string) string { return strconv.Quote(s) }

// floatRepr is repr() of a float.
func floatRepr(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

func bytesContains(b []byte, item Value) (bool, error) { return false, nil }

func (t *Thread) percentFormat(s string, args Value) (Value, error) { return NotImplemented, nil }

func (t *Thread) bytesPercentFormat(b []byte, args Value) (Value, error) { return NotImplemented, nil }

// formatValue implements FORMAT_VALUE: conversion then format(v, spec).
func (t *Thread) formatValue(v Value, conv int, spec Value) (Value, error) {
	switch conv {
	case 1:
		s, err := t.Str(v)
		return StrValue(s), err
	case 2:
		s, err := t.Repr(v)
		return StrValue(s), err
	}
	s, err := t.Str(v)
	return StrValue(s), err
}

// Package timemod implements yflow's built-in time module: clocks
// (time, monotonic, perf_counter, process_time and their _ns forms),
// sleep, and the struct_time functions localtime, gmtime, mktime,
// strftime, asctime and ctime.
package timemod

import (
	"fmt"
	"math"
	"strings"
	"time"

	"yflow/stdlib/collectionsmod"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

var start = time.Now()

func noArgs(name string, f func() vm.Value) vm.BuiltinFn {
	return func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs(name, args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return f(), nil
	}
}

var structFields = []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

// Module builds the time module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("time")
	def := func(name string, fn vm.BuiltinFn) { modutil.Def(m, name, fn) }
	def("time", noArgs("time", func() vm.Value {
		return vm.Float(float64(time.Now().UnixNano()) / 1e9)
	}))
	def("time_ns", noArgs("time_ns", func() vm.Value { return vm.Int(time.Now().UnixNano()) }))
	mono := func() vm.Value { return vm.Float(vm.Monotonic()) }
	monoNs := func() vm.Value { return vm.Int(vm.MonotonicNs()) }
	def("monotonic", noArgs("monotonic", mono))
	def("monotonic_ns", noArgs("monotonic_ns", monoNs))
	def("perf_counter", noArgs("perf_counter", mono))
	def("perf_counter_ns", noArgs("perf_counter_ns", monoNs))
	def("process_time", noArgs("process_time", func() vm.Value { return vm.Float(time.Since(start).Seconds()) }))
	def("process_time_ns", noArgs("process_time_ns", func() vm.Value { return vm.Int(int64(time.Since(start))) }))
	def("thread_time", noArgs("thread_time", func() vm.Value { return vm.Float(time.Since(start).Seconds()) }))
	def("sleep", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("sleep", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		if !args[0].IsFloat() && !vm.IsIntLike(args[0]) {
			if args[0].Type().LookupString("__float__").IsNull() && args[0].Type().LookupString("__index__").IsNull() {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
		}
		secs, err := modutil.Float(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if math.IsNaN(secs) {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Invalid value NaN (not a number)")
		}
		if secs < 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "sleep length must be non-negative")
		}
		if secs > 0 {
			d := time.Duration(secs * 1e9)
			t.Blocking(func() { time.Sleep(d) })
		}
		return vm.None, nil
	})

	st, err := collectionsmod.NewNamedTuple(t, "struct_time", structFields, "time")
	if err != nil {
		return nil, err
	}
	m.Set("struct_time", vm.Obj(st))
	toStruct := func(tm time.Time, dst bool) (vm.Value, error) {
		isdst := int64(0)
		if dst {
			isdst = 1
		}
		vals := []vm.Value{vm.Int(int64(tm.Year())), vm.Int(int64(tm.Month())), vm.Int(int64(tm.Day())),
			vm.Int(int64(tm.Hour())), vm.Int(int64(tm.Minute())), vm.Int(int64(tm.Second())),
			vm.Int(int64((tm.Weekday() + 6) % 7)), vm.Int(int64(tm.YearDay())), vm.Int(isdst)}
		return t.Call(vm.Obj(st), vals, nil)
	}
	secsArg := func(name string, args []vm.Value, kw []*vm.Str) (time.Time, error) {
		if err := vm.CheckArgs(name, args, kw, 0, 1); err != nil {
			return time.Time{}, err
		}
		if len(args) == 0 || args[0].IsNone() {
			return time.Now(), nil
		}
		f, err := modutil.Float(t, args[0])
		if err != nil {
			return time.Time{}, err
		}
		sec := math.Floor(f)
		return time.Unix(int64(sec), int64((f-sec)*1e9)), nil
	}
	def("localtime", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		tm, err := secsArg("localtime", args, kw)
		if err != nil {
			return vm.Null, err
		}
		tm = tm.Local()
		return toStruct(tm, tm.IsDST())
	})
	def("gmtime", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		tm, err := secsArg("gmtime", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return toStruct(tm.UTC(), false)
	})
	fromStruct := func(name string, v vm.Value) (time.Time, error) {
		items, err := t.ToList(v)
		if err != nil {
			return time.Time{}, err
		}
		if len(items) != 9 {
			return time.Time{}, vm.Errorf(vm.TypeErrorType, "%s(): illegal time tuple argument", name)
		}
		n := make([]int, 9)
		for i, it := range items {
			x, err := modutil.Int64(t, it)
			if err != nil {
				return time.Time{}, err
			}
			n[i] = int(x)
		}
		return time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, time.Local), nil
	}
	timeArg := func(name string, args []vm.Value, idx int) (time.Time, error) {
		if len(args) <= idx {
			return time.Now(), nil
		}
		return fromStruct(name, args[idx])
	}
	def("mktime", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("mktime", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		tm, err := fromStruct("mktime", args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(float64(tm.Unix())), nil
	})
	def("strftime", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("strftime", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		f, ok := modutil.Str(args[0])
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "strftime() argument 1 must be str, not %s", args[0].Type().Name)
		}
		tm, err := timeArg("strftime", args, 1)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue(Strftime(f, tm)), nil
	})
	def("asctime", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("asctime", args, kw, 0, 1); err != nil {
			return vm.Null, err
		}
		tm, err := timeArg("asctime", args, 0)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue(asctime(tm)), nil
	})
	def("ctime", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		tm, err := secsArg("ctime", args, kw)
		if err != nil {
			return vm.Null, err
		}
		return vm.StrValue(asctime(tm.Local())), nil
	})
	_, off := time.Now().Zone()
	m.Set("timezone", vm.Int(int64(-off)))
	m.Set("altzone", vm.Int(int64(-off)))
	m.Set("daylight", vm.Int(0))
	name, _ := time.Now().Zone()
	m.Set("tzname", vm.TupleValue(vm.StrValue(name), vm.StrValue(name)))
	return m, nil
}

func asctime(tm time.Time) string {
	return fmt.Sprintf("%s %s %2d %02d:%02d:%02d %d", tm.Weekday().String()[:3], tm.Month().String()[:3],
		tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), tm.Year())
}

// Strftime formats tm with C strftime directives (the common ones).
func Strftime(f string, tm time.Time) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' || i+1 >= len(f) {
			b.WriteByte(c)
			continue
		}
		i++
		switch f[i] {
		case 'Y':
			fmt.Fprintf(&b, "%d", tm.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", tm.Year()%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(tm.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", tm.Day())
		case 'e':
			fmt.Fprintf(&b, "%2d", tm.Day())
		case 'H':
			fmt.Fprintf(&b, "%02d", tm.Hour())
		case 'I':
			h := tm.Hour() % 12
			if h == 0 {
				h = 12
			}
			fmt.Fprintf(&b, "%02d", h)
		case 'M':
			fmt.Fprintf(&b, "%02d", tm.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", tm.Second())
		case 'p':
			if tm.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'a':
			b.WriteString(tm.Weekday().String()[:3])
		case 'A':
			b.WriteString(tm.Weekday().String())
		case 'b', 'h':
			b.WriteString(tm.Month().String()[:3])
		case 'B':
			b.WriteString(tm.Month().String())
		case 'j':
			fmt.Fprintf(&b, "%03d", tm.YearDay())
		case 'w':
			fmt.Fprintf(&b, "%d", int(tm.Weekday()))
		case 'u':
			fmt.Fprintf(&b, "%d", (int(tm.Weekday())+6)%7+1)
		case 'Z':
			name, _ := tm.Zone()
			b.WriteString(name)
		case 'z':
			b.WriteString(tm.Format("-0700"))
		case 'c':
			b.WriteString(asctime(tm))
		case 'x':
			fmt.Fprintf(&b, "%02d/%02d/%02d", int(tm.Month()), tm.Day(), tm.Year()%100)
		case 'X', 'T':
			fmt.Fprintf(&b, "%02d:%02d:%02d", tm.Hour(), tm.Minute(), tm.Second())
		case 'D':
			fmt.Fprintf(&b, "%02d/%02d/%02d", int(tm.Month()), tm.Day(), tm.Year()%100)
		case 'F':
			fmt.Fprintf(&b, "%d-%02d-%02d", tm.Year(), int(tm.Month()), tm.Day())
		case 'R':
			fmt.Fprintf(&b, "%02d:%02d", tm.Hour(), tm.Minute())
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

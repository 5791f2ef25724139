// Command yflow runs yflow programs.
//
//	yflow run FILE [ARGS...]   run a script
//	yflow FILE [ARGS...]       the same
//	yflow -c CODE [ARGS...]    run a string of code
//	yflow dis FILE             print the bytecode of a script
//	yflow version              print the version
//	yflow help                 print this help
//
// Exit status: 0 on success, 1 for an uncaught exception, 2 for usage
// errors, or the status given to sys.exit.
package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"yflow/lang/compiler"
	"yflow/lang/parser"
	"yflow/stdlib"
	"yflow/vm"
)

// gcPercent is the garbage collector's target heap growth: above Go's
// default of 100, trading memory headroom for fewer collections.
const gcPercent = 400

// Version is the yflow version string.
const Version = "0.1.0"

const usage = `usage: yflow <command> [arguments]

commands:
  run FILE [ARGS...]   run a yflow script (also: yflow FILE [ARGS...])
  -c CODE [ARGS...]    run CODE as a script
  dis FILE             disassemble a script's bytecode
  version              print the version
  help                 print this help
`

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if path := os.Getenv("YFLOW_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			pprof.StartCPUProfile(f)
			status := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			exit(status)
		}
	}
	if path := os.Getenv("YFLOW_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 4096
		status := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		runtime.GC() // the profile lags by up to two cycles; settle it
		if f, err := os.Create(path); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		exit(status)
	}
	exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exit ends the process with status; after an uncaught KeyboardInterrupt
// it dies of SIGINT instead, as CPython does (a shell then reports 130).
func exit(status int) {
	if status == statusInterrupted {
		signal.Reset(syscall.SIGINT)
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		time.Sleep(time.Second) // the signal is on its way
		status = 128 + int(syscall.SIGINT)
	}
	os.Exit(status)
}

// statusInterrupted is finish's status for an uncaught KeyboardInterrupt.
const statusInterrupted = -int(syscall.SIGINT)

// run is the whole command line tool; it returns the process exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "version", "--version", "-V":
		fmt.Fprintf(stdout, "yflow %s\n", Version)
		return 0
	case "dis":
		if len(args) != 2 {
			fmt.Fprint(stderr, "usage: yflow dis FILE\n")
			return 2
		}
		return disassemble(args[1], stdout, stderr)
	case "run":
		if len(args) < 2 {
			fmt.Fprint(stderr, "usage: yflow run FILE [ARGS...]\n")
			return 2
		}
		return runFile(args[1], args[2:], stdin, stdout, stderr)
	case "-c":
		if len(args) < 2 {
			fmt.Fprint(stderr, "usage: yflow -c CODE [ARGS...]\n")
			return 2
		}
		return runSource("<string>", []byte(args[1]), append([]string{"-c"}, args[2:]...), ".", stdin, stdout, stderr)
	}
	if strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "yflow: unknown option %s\n%s", args[0], usage)
		return 2
	}
	return runFile(args[0], args[1:], stdin, stdout, stderr)
}

func runFile(path string, rest []string, stdin io.Reader, stdout, stderr io.Writer) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "yflow: can't open file '%s': %v\n", path, unwrapPathError(err))
		return 2
	}
	dir := filepath.Dir(path)
	return runSource(path, src, append([]string{path}, rest...), dir, stdin, stdout, stderr)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// runSource runs a program and reports an uncaught exception.
func runSource(filename string, src []byte, argv []string, dir string, stdin io.Reader, stdout, stderr io.Writer) (status int) {
	in := vm.NewInterp(stdin, stdout, stderr)
	in.Argv = argv
	in.Path = []string{dir}
	if p := os.Getenv("YFLOWPATH"); p != "" {
		in.Path = append(in.Path, filepath.SplitList(p)...)
	}
	stdlib.Register(in)
	defer func() {
		if r := recover(); r != nil {
			in.Flush()
			fmt.Fprintf(stderr, "Traceback (most recent call last):\n  (internal)\nSystemError: yflow internal error: %v\n", r)
			if os.Getenv("YFLOW_DEBUG") != "" {
				fmt.Fprintf(stderr, "%s\n", debug.Stack())
			}
			status = 1
		}
	}()
	err := in.RunMain(filename, src)
	return finish(in, err)
}

// finish reports an uncaught exception, waits for the program's threads
// (threading's non-daemon ones), flushes output and turns the program's
// outcome into an exit status.
func finish(in *vm.Interp, err error) int {
	defer in.Flush()
	defer in.Shutdown()
	if err == nil {
		return 0
	}
	t := in.MainThread()
	exc, ok := err.(*vm.Exception)
	if !ok {
		in.Stdout.Flush()
		fmt.Fprintf(in.Stderr, "yflow: %v\n", err)
		return 1
	}
	if exc.Class().IsSubtype(vm.SystemExitType) {
		return in.ExitStatus(exc)
	}
	in.Stdout.Flush()
	in.Stderr.WriteString(t.FormatException(exc))
	if exc.Class().IsSubtype(vm.KeyboardInterruptType) {
		return statusInterrupted
	}
	return 1
}

func disassemble(path string, stdout, stderr io.Writer) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "yflow: can't open file '%s': %v\n", path, unwrapPathError(err))
		return 2
	}
	mod, err := parser.Parse(path, src)
	if err == nil {
		var code *compiler.Code
		code, err = compiler.Compile(mod, compiler.ModeExec)
		if err == nil {
			compiler.Disassemble(stdout, code)
			return 0
		}
	}
	in := vm.NewInterp(strings.NewReader(""), stdout, stderr)
	_, cerr := in.Compile(path, src, compiler.ModeExec)
	if cerr == nil {
		cerr = err
	}
	return finish(in, cerr)
}

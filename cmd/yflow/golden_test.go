package main

// Golden tests: every testdata/**/NAME.yf that has a NAME.out beside it is a
// program whose expected stdout is NAME.out. When NAME.err exists, the program
// is expected to fail: exit status 1 and, on stderr, the last line of NAME.err
// (the exception line of a traceback); a NAME.err of several lines must match
// stderr as a whole. A first line `# exit: N` in NAME.yf sets the expected exit
// status (sys.exit tests). A NAME.yf without NAME.out (a helper module, a
// package file, a parser seed) is not run.
//
//	go test ./cmd/yflow -run Golden                  # yflow and CPython
//	go test ./cmd/yflow -run 'Golden/lexical'        # one directory
//	go test ./cmd/yflow -run 'TestGolden$' -update   # rewrite .out/.err from yflow
//
// TestGolden re-executes the test binary itself as the yflow CLI (see
// TestMain), so no separate `go build` is needed. TestGoldenCPython runs the
// same programs under python3 via tools/cpython_runner.py to keep the golden
// files honest: CPython 3.11 is the reference implementation.

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata NAME.out (and existing NAME.err) from yflow's output")

const (
	goldenDir        = "../../testdata"
	cpythonRunner    = "../../tools/cpython_runner.py"
	childEnv         = "YFLOW_GOLDEN_CHILD"
	yflowTimeout     = 10 * time.Second
	cpythonTimeout   = 20 * time.Second
	yflowOnlyMarker  = "# yflow-only"
	maxDiffLines     = 12
	diffContextLines = 3
)

// TestMain lets the test binary double as the yflow command: with
// YFLOW_GOLDEN_CHILD=1 in the environment it runs the CLI on its arguments
// and exits, without running any test.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// goldenCase is one program with its expectations.
type goldenCase struct {
	name     string // path below testdata without .yf, slash-separated: "lexical/int_literals"
	dir      string // directory holding the program
	base     string // "int_literals.yf"
	yfPath   string
	outPath  string
	errPath  string // "" when there is no NAME.err
	want     []byte // NAME.out
	wantErr  []byte // NAME.err
	exit     int    // expected exit status
	pyValid  bool   // false for `# yflow-only` programs
	exitNote string // where the expected status comes from, for messages
}

var exitLine = regexp.MustCompile(`^#\s*exit:\s*(\d+)\s*$`)

// loadGoldenCases finds every NAME.yf with a NAME.out under root.
func loadGoldenCases(t *testing.T, root string) []goldenCase {
	t.Helper()
	var cases []goldenCase
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "__pycache__") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".yf") {
			return nil
		}
		stem := strings.TrimSuffix(path, ".yf")
		want, err := os.ReadFile(stem + ".out")
		if errors.Is(err, fs.ErrNotExist) {
			return nil // a module, package file or parser seed
		} else if err != nil {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, stem)
		if err != nil {
			return err
		}
		c := goldenCase{
			name:     filepath.ToSlash(rel),
			dir:      filepath.Dir(path),
			base:     filepath.Base(path),
			yfPath:   path,
			outPath:  stem + ".out",
			want:     want,
			pyValid:  !strings.HasPrefix(firstLine(src), yflowOnlyMarker),
			exitNote: "no NAME.err",
		}
		if wantErr, err := os.ReadFile(stem + ".err"); err == nil {
			c.errPath, c.wantErr = stem+".err", wantErr
			c.exit, c.exitNote = 1, "NAME.err exists"
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if m := exitLine.FindStringSubmatch(firstLine(src)); m != nil {
			n, err := strconv.Atoi(m[1])
			if err != nil {
				return fmt.Errorf("%s: bad exit comment: %v", path, err)
			}
			c.exit, c.exitNote = n, "`# exit: "+m[1]+"`"
		}
		cases = append(cases, c)
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", root, err)
	}
	if len(cases) == 0 {
		t.Fatalf("no golden programs (NAME.yf + NAME.out) under %s", root)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	return cases
}

// result is what one run of a program produced.
type result struct {
	stdout, stderr []byte
	exit           int
	timedOut       bool
}

// runProgram runs argv in dir with empty stdin and extra environment entries.
func runProgram(t *testing.T, dir string, timeout time.Duration, env []string, argv ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = bytes.NewReader(nil)
	cmd.WaitDelay = 2 * time.Second // don't hang on pipes held open by stray grandchildren
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		r.timedOut, r.exit = true, -1
	case err == nil:
		r.exit = 0
	case errors.As(err, &exitErr):
		r.exit = exitErr.ExitCode() // -1 when killed by a signal
	default:
		t.Fatalf("running %s: %v", strings.Join(argv, " "), err)
	}
	return r
}

// TestGolden runs every golden program under yflow.
func TestGolden(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatalf("cannot locate the test binary: %v", err)
	}
	for _, c := range loadGoldenCases(t, goldenDir) {
		c := c
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := runProgram(t, c.dir, yflowTimeout, []string{childEnv + "=1"}, self, "run", c.base)
			// Programs that race timers against each other (asyncio sleeps)
			// can see timers fire together on a loaded machine; such a
			// program gets two more tries before its result counts.
			for try := 0; try < 2 && !*update && timingSensitive(c) && !resultMatches(c, r); try++ {
				t.Logf("%s: output differed on a loaded machine; running again", c.yfPath)
				r = runProgram(t, c.dir, yflowTimeout, []string{childEnv + "=1"}, self, "run", c.base)
			}
			if r.timedOut {
				t.Fatalf("yflow run %s: timed out after %v\nstdout so far:\n%s\nstderr so far:\n%s",
					c.yfPath, yflowTimeout, clip(r.stdout), clip(r.stderr))
			}
			if crashed(r.stderr) {
				t.Errorf("yflow crashed (Go panic) on %s; stderr:\n%s", c.yfPath, clip(r.stderr))
				if *update {
					return // never bake a crash into the golden files
				}
			}
			if *update {
				updateGolden(t, c, r)
				return
			}
			checkResult(t, "yflow", c, r, false)
		})
	}
}

// TestGoldenCPython holds the golden files to CPython 3.11.
func TestGoldenCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: CPython agreement not checked")
	}
	runner, err := filepath.Abs(cpythonRunner)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(runner); err != nil {
		t.Fatalf("CPython runner missing: %v", err)
	}
	env := []string{"PYTHONDONTWRITEBYTECODE=1", "PYTHONUTF8=1"}
	for _, c := range loadGoldenCases(t, goldenDir) {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if !c.pyValid {
				t.Skip("yflow-only program")
			}
			t.Parallel()
			r := runProgram(t, c.dir, cpythonTimeout, env, python, runner, c.base)
			for try := 0; try < 2 && timingSensitive(c) && !resultMatches(c, r); try++ {
				r = runProgram(t, c.dir, cpythonTimeout, env, python, runner, c.base)
			}
			if r.timedOut {
				t.Fatalf("python3 %s: timed out after %v", c.yfPath, cpythonTimeout)
			}
			checkResult(t, "python3", c, r, true)
		})
	}
}

// checkResult compares one run with the golden files. For CPython only the
// exception line of stderr is compared, as a traceback's frames differ.
func checkResult(t *testing.T, who string, c goldenCase, r result, lastLineOnly bool) {
	t.Helper()
	if !bytes.Equal(r.stdout, c.want) {
		t.Errorf("%s %s: stdout differs from %s (-want +got):\n%s", who, c.yfPath, filepath.Base(c.outPath), diff(c.want, r.stdout))
	}
	if r.exit != c.exit {
		t.Errorf("%s %s: exit status %d, want %d (%s); stderr:\n%s", who, c.yfPath, r.exit, c.exit, c.exitNote, clip(r.stderr))
	}
	if c.errPath == "" {
		return
	}
	wantLines := nonEmptyLines(c.wantErr)
	if len(wantLines) <= 1 || lastLineOnly {
		want, got := lastNonEmptyLine(c.wantErr), lastNonEmptyLine(r.stderr)
		if got != want {
			t.Errorf("%s %s: last stderr line\n  got:  %q\n  want: %q\nfull stderr:\n%s", who, c.yfPath, got, want, clip(r.stderr))
		}
		return
	}
	if !bytes.Equal(r.stderr, c.wantErr) {
		t.Errorf("%s %s: stderr differs from %s (-want +got):\n%s", who, c.yfPath, filepath.Base(c.errPath), diff(c.wantErr, r.stderr))
	}
}

// updateGolden rewrites NAME.out, and NAME.err when it exists, from a yflow run.
func updateGolden(t *testing.T, c goldenCase, r result) {
	t.Helper()
	if !bytes.Equal(r.stdout, c.want) {
		if err := os.WriteFile(c.outPath, r.stdout, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", c.outPath)
	}
	if c.errPath == "" {
		if r.exit != c.exit {
			t.Errorf("exit status %d, want %d (%s); not fixed by -update", r.exit, c.exit, c.exitNote)
		}
		return
	}
	newErr := r.stderr
	if len(nonEmptyLines(c.wantErr)) <= 1 {
		newErr = nil
		if line := lastNonEmptyLine(r.stderr); line != "" {
			newErr = []byte(line + "\n")
		}
	}
	if !bytes.Equal(newErr, c.wantErr) {
		if err := os.WriteFile(c.errPath, newErr, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", c.errPath)
	}
}

// crashed reports whether stderr shows a Go panic rather than a Python error.
func crashed(stderr []byte) bool {
	return bytes.Contains(stderr, []byte("goroutine ")) || bytes.Contains(stderr, []byte("panic:"))
}

func firstLine(src []byte) string {
	line, _, _ := strings.Cut(string(src), "\n")
	return strings.TrimRight(line, "\r")
}

func nonEmptyLines(b []byte) []string {
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, strings.TrimRight(l, "\r"))
		}
	}
	return lines
}

func lastNonEmptyLine(b []byte) string {
	lines := nonEmptyLines(b)
	if len(lines) == 0 {
		return ""
	}
	return lines[len(lines)-1]
}

// clip keeps failure messages readable when a program floods its output.
func clip(b []byte) string {
	const max = 4000
	if len(b) > max {
		return string(b[:max]) + fmt.Sprintf("\n... (%d more bytes)", len(b)-max)
	}
	return string(b)
}

// diff shows where want and got first part ways: a few common lines of
// context, then the differing lines of each side, unified-diff style.
func diff(want, got []byte) string {
	w := strings.SplitAfter(string(want), "\n")
	g := strings.SplitAfter(string(got), "\n")
	if len(w) > 0 && w[len(w)-1] == "" {
		w = w[:len(w)-1]
	}
	if len(g) > 0 && g[len(g)-1] == "" {
		g = g[:len(g)-1]
	}
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	// Also skip a common tail, so a single changed line shows as such.
	jw, jg := len(w), len(g)
	for jw > i && jg > i && w[jw-1] == g[jg-1] {
		jw, jg = jw-1, jg-1
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "@@ first difference at line %d (want %d lines, got %d lines) @@\n", i+1, len(w), len(g))
	for k := max(0, i-diffContextLines); k < i; k++ {
		sb.WriteString(" " + showLine(w[k]))
	}
	writeSide := func(prefix string, lines []string) {
		for k, l := range lines {
			if k == maxDiffLines {
				fmt.Fprintf(&sb, "%s... (%d more lines)\n", prefix, len(lines)-k)
				break
			}
			sb.WriteString(prefix + showLine(l))
		}
	}
	writeSide("-", w[i:jw])
	writeSide("+", g[i:jg])
	for k := jw; k < len(w) && k < jw+diffContextLines; k++ {
		sb.WriteString(" " + showLine(w[k]))
	}
	return sb.String()
}

// showLine prints a line with its newline, marking a missing final newline
// and making otherwise invisible differences (trailing blanks, \r) visible.
func showLine(l string) string {
	body, hasNL := strings.CutSuffix(l, "\n")
	if strings.TrimRight(body, " \t\r") != body || strings.ContainsAny(body, "\r\x00") {
		body = strconv.Quote(body)
	}
	if !hasNL {
		return body + "\n\\ no newline at end\n"
	}
	return body + "\n"
}

// timingSensitive reports whether a program's output may depend on how
// its timers interleave (it sleeps for real).
func timingSensitive(c goldenCase) bool {
	src, err := os.ReadFile(c.yfPath)
	return err == nil && bytes.Contains(src, []byte("sleep("))
}

// resultMatches reports whether a run agrees with the golden files (what
// checkResult checks, without reporting).
func resultMatches(c goldenCase, r result) bool {
	if r.timedOut || !bytes.Equal(r.stdout, c.want) || r.exit != c.exit {
		return false
	}
	if c.errPath == "" {
		return true
	}
	if len(nonEmptyLines(c.wantErr)) <= 1 {
		return lastNonEmptyLine(c.wantErr) == lastNonEmptyLine(r.stderr)
	}
	return bytes.Equal(c.wantErr, r.stderr)
}

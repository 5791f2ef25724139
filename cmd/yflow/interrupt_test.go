// interrupt_test.go checks that an uncaught KeyboardInterrupt ends the
// process the way CPython's does: traceback on stderr, then death by
// SIGINT (a shell reports 130, subprocess a return code of -2).

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestUncaughtKeyboardInterruptDiesOfSIGINT(t *testing.T) {
	prog := filepath.Join(t.TempDir(), "ki.py")
	if err := os.WriteFile(prog, []byte("print('before')\nraise KeyboardInterrupt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "run", prog)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		t.Fatalf("run: %v", err)
	}
	ws, ok := exitErr.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("want death by SIGINT, got %v", exitErr)
	}
	if stdout.String() != "before\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	if !strings.HasSuffix(stderr.String(), "\nKeyboardInterrupt\n") || !strings.HasPrefix(stderr.String(), "Traceback (most recent call last):\n") {
		t.Errorf("stderr %q", stderr.String())
	}
}

// gil_test.go tests the interpreter lock: threads that share objects run
// one at a time (go test -race sees no race), a thread spinning in
// bytecode is made to hand the lock over (the eval breaker), and a thread
// blocked in Go code lets the others run.

package vm_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"yflow/stdlib"
	"yflow/vm"
)

func runThreaded(t *testing.T, src string) string {
	t.Helper()
	var out, errb bytes.Buffer
	in := vm.NewInterp(strings.NewReader(""), &out, &errb)
	stdlib.Register(in)
	done := make(chan error, 1)
	go func() { done <- in.RunMain("t.py", []byte(src)) }()
	select {
	case err := <-done:
		in.Flush()
		if err != nil {
			t.Fatalf("%v\n%s", err, errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("program did not finish: a thread never got the interpreter lock")
	}
	return out.String() + errb.String()
}

func TestGILSharedCounter(t *testing.T) {
	got := runThreaded(t, `
import _thread
counts = {"n": 0}
items = []
fin = []
def work(k):
    for i in range(20000):
        counts["n"] += 1
        items.append(i)
    fin[k].release()
for k in range(3):
    l = _thread.allocate_lock()
    l.acquire()
    fin.append(l)
    _thread.start_new_thread(work, (k,))
for l in fin:
    l.acquire()
print(len(items) == 60000, counts["n"] > 0)
`)
	if got != "True True\n" {
		t.Fatalf("got %q", got)
	}
}

func TestGILEvalBreaker(t *testing.T) {
	// the main thread busy-waits in bytecode; only a forced switch lets
	// the other thread set the flag
	got := runThreaded(t, `
import _thread
flag = [False]
def setter():
    flag[0] = True
_thread.start_new_thread(setter, ())
spins = 0
while not flag[0]:
    spins += 1
print("flag seen")
`)
	if got != "flag seen\n" {
		t.Fatalf("got %q", got)
	}
}

func TestGILReleasedWhileBlocked(t *testing.T) {
	// the main thread sleeps and waits on a lock; the worker runs
	got := runThreaded(t, `
import _thread, time
log = []
lock = _thread.allocate_lock()
lock.acquire()
def worker():
    log.append("worker ran")
    lock.release()
_thread.start_new_thread(worker, ())
time.sleep(0.05)
log.append("slept")
print(lock.acquire(timeout=5), log)
print(lock.acquire(timeout=0.01))
`)
	if got != "True ['worker ran', 'slept']\nFalse\n" {
		t.Fatalf("got %q", got)
	}
}

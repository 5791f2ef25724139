// bench_test.go measures parse speed on a ~2000-line file made by
// concatenating the repository's golden programs that parse.

package parser

import (
	"bytes"
	"os"
	"testing"
)

// benchSource returns about n lines of valid yflow source.
func benchSource(b *testing.B, n int) []byte {
	var progs [][]byte
	for _, path := range repoPrograms(b) {
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if _, err := Parse(path, src); err == nil {
			if !bytes.HasSuffix(src, []byte("\n")) {
				src = append(src, '\n')
			}
			progs = append(progs, src)
		}
	}
	if len(progs) == 0 {
		progs = [][]byte{[]byte("def f(a, b=1):\n    if a > b:\n        return [x * 2 for x in range(a)]\n    return {'k': f\"{a!r}\"}\n")}
	}
	var buf bytes.Buffer
	for lines := 0; lines < n; {
		for _, p := range progs {
			buf.Write(p)
			lines += bytes.Count(p, []byte("\n"))
			if lines >= n {
				break
			}
		}
	}
	return buf.Bytes()
}

func BenchmarkParse2000(b *testing.B) {
	src := benchSource(b, 2000)
	if _, err := Parse("bench.yf", src); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench.yf", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bytes.Count(src, []byte("\n"))), "lines")
}

func BenchmarkTokenize2000(b *testing.B) {
	src := benchSource(b, 2000)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := tokenize("bench.yf", src); err != nil {
			b.Fatal(err)
		}
	}
}

package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestServeWithoutIndex(t *testing.T) {
	data := t.TempDir()
	var out, errOut bytes.Buffer
	err := run(t.Context(), []string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, nil, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "botrian import") || !strings.Contains(err.Error(), "botrian index") {
		t.Errorf("serve without an index = %v, want a message naming 'botrian import' and 'botrian index'", err)
	}
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		want error
	}{
		{[]string{"serve", "extra"}, errUsage},
		{[]string{"serve", "--timeout", "0s"}, errUsage},
		{[]string{"serve", "--nope"}, errUsage},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if err := run(t.Context(), tt.args, nil, &out, &errOut); !errors.Is(err, tt.want) {
			t.Errorf("run(%q) = %v, want %v", tt.args, err, tt.want)
		}
	}
}

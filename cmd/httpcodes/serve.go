package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/httpcodes/httpcodes/lsp"
)

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool("stdio", true, "talk LSP on stdin and stdout (the only transport; accepted because editors pass it)")
	logFile := fs.String("log-file", "", "write the log to this file instead of stderr")
	logLevel := fs.String("log-level", "info", "log level: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	level, err := zapcore.ParseLevel(*logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: serve: --log-level %q: use debug, info, warn or error\n", *logLevel)
		return exitError
	}
	sink := zapcore.AddSync(stderr)
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "httpcodes: serve: %v\n", err)
			return exitError
		}
		defer f.Close()
		sink = zapcore.AddSync(f)
	}
	encCfg := zap.NewProductionEncoderConfig()
	encCfg.EncodeTime = zapcore.ISO8601TimeEncoder
	logger := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(encCfg), sink, level))
	defer logger.Sync() //nolint:errcheck // nothing to do if the log cannot flush

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Info("httpcodes serve", zap.String("version", buildVersion()), zap.String("args", strings.Join(args, " ")))
	return lsp.Serve(ctx, stdin, stdout, lsp.Options{Version: buildVersion(), Logger: logger})
}

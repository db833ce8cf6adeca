package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/httpcodes/httpcodes/lsp"
)

func newServeCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var logFile, logLevel string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Language server on stdin/stdout",
		Long: `Serve is the language server: hover docs for status codes, completion,
diagnostics and quick fixes, over the Language Server Protocol on stdin and
stdout. Editors start it; see editors/README.md for each editor's setup.`,
		Example: `  httpcodes serve
  httpcodes serve --stdio --log-file /tmp/httpcodes.log --log-level debug`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(_ *cobra.Command, args []string) error {
			level, err := zapcore.ParseLevel(logLevel)
			if err != nil {
				return usagef("--log-level %q: use debug, info, warn or error", logLevel)
			}
			return status(runServe(level, logFile, stdin, stdout, stderr))
		},
	}
	cmd.Flags().Bool("stdio", true, "talk LSP on stdin and stdout (the only transport; accepted because editors pass it)")
	cmd.Flags().StringVar(&logFile, "log-file", "", "write the log to this file instead of stderr")
	cmd.Flags().StringVar(&logLevel, "log-level", "info", "log level: debug, info, warn or error")
	_ = cmd.RegisterFlagCompletionFunc("log-level", cobra.FixedCompletions([]cobra.Completion{"debug", "info", "warn", "error"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runServe(level zapcore.Level, logFile string, stdin io.Reader, stdout, stderr io.Writer) int {
	sink := zapcore.AddSync(stderr)
	if logFile != "" {
		f, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
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
	logger.Info("httpcodes serve", zap.String("version", buildVersion()), zap.String("args", strings.Join(os.Args[1:], " ")))
	return lsp.Serve(ctx, stdin, stdout, lsp.Options{Version: buildVersion(), Logger: logger})
}

package workspace

import (
	"fmt"
	"path/filepath"

	"github.com/httpcodes/httpcodes/analysis"
)

// Inclusion says whether a file is checked and, when it is not, why.
type Inclusion struct {
	Included bool
	// Reason is why a file is left out, for a log line or a skipped-file
	// message: "excluded by /p/.httpcodes.yaml", "python is not among the
	// languages of …", "no language httpcodes reads".
	Reason string
}

// Includes decides whether a file is checked, from its path alone: it must
// be in a language the analysis reads, that language must be enabled, and
// no exclude pattern of its configuration may match it. The same decision
// holds for a file found by a walk, named on the command line or opened in
// an editor. (Generated files are told by their content: see Check.)
func (w *Workspace) Includes(path string) (Inclusion, error) {
	lang := analysis.Language(path)
	if lang == "" {
		return Inclusion{Reason: "no language httpcodes reads (" + describeExt(path) + ")"}, nil
	}
	cfg, err := w.Config(path)
	if err != nil {
		return Inclusion{}, err
	}
	if !cfg.LanguageEnabled(lang) {
		return Inclusion{Reason: fmt.Sprintf("%s is not among the languages %s lists", lang, cfg.Path)}, nil
	}
	if cfg.Excluded(path) {
		return Inclusion{Reason: "excluded by " + cfg.Path}, nil
	}
	return Inclusion{Included: true}, nil
}

// ExcludedDir reports whether an exclude pattern of the configuration that
// governs a directory's files leaves the whole directory out (gen/** and
// gen/ exclude gen), so a walk need not descend into it.
func (w *Workspace) ExcludedDir(dir string) (bool, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false, nil
	}
	cfg, err := w.configInDir(abs)
	if err != nil {
		return false, err
	}
	return cfg.Excluded(dir), nil
}

func describeExt(path string) string {
	if ext := filepath.Ext(path); ext != "" {
		return "a " + ext + " file"
	}
	return "no extension"
}

package analysis

// The API of the analysis lives in its internal packages; these names keep
// it where the rest of httpcodes has always found it, so that the command
// line, the server, the site and the go/analysis driver depend on this
// package alone.

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
	"github.com/httpcodes/httpcodes/codes"
)

type API = facts.API

const BodyAPI = facts.BodyAPI

const Compare = facts.Compare

type Completion = facts.Completion

type CompletionItem = facts.CompletionItem

const Constant = facts.Constant

type Description = facts.Description

type Edit = facts.Edit

const Error = facts.Error

const ErrorAPI = facts.ErrorAPI

type Example = rules.Example

type Finding = facts.Finding

type Fix = facts.Fix

const FixNone = rules.FixNone

const FixSafe = rules.FixSafe

type FixSafety = rules.FixSafety

const FixUnsafe = rules.FixUnsafe

type Func = facts.Func

const Hint = facts.Hint

const Info = facts.Info

func IsTestPath(p string) bool { return facts.IsTestPath(p) }

func Language(path string) string { return facts.LanguageOf(path) }

type LanguageInfo = facts.LanguageInfo

func LanguageInfos() []LanguageInfo { return facts.LanguageInfos() }

func Languages() []string { return facts.Languages() }

const LocationAPI = facts.LocationAPI

func MayHaveStatus(path string, src []byte) bool { return facts.MayHaveStatus(path, src) }

func NewProject(descs []*Description, files map[string]*RouteFacts) *Project {
	return facts.NewProject(descs, files)
}

const Number = facts.Number

type Occurrence = facts.Occurrence

type Operation = facts.Operation

type Operations = facts.Operations

type Options = facts.Options

func ParseSeverity(s string) (Severity, bool) { return facts.ParseSeverity(s) }

func ParseTestPolicy(s string) (TestPolicy, bool) { return facts.ParseTestPolicy(s) }

func PathForEditorID(path string, id string) string { return facts.PathForEditorID(path, id) }

type Project = facts.Project

const RangeBound = facts.RangeBound

func ReadDescription(path string, src []byte, read func(string) ([]byte, error)) *Description {
	return facts.ReadDescription(path, src, read)
}

const RedirectAPI = facts.RedirectAPI

const Reference = facts.Reference

type Result = facts.Result

type Role = facts.Role

type Route = facts.Route

type RouteFacts = facts.RouteFacts

func Routes(path string, src []byte) *RouteFacts { return facts.Routes(path, src) }

type Rule = rules.Rule

func RuleByName(name string) (*Rule, bool) { return rules.RuleByName(name) }

func Rules() []*Rule { return rules.Rules() }

func RulesFor(c *codes.Code) []*Rule { return rules.RulesFor(c) }

const Send = facts.Send

type Severity = facts.Severity

type StatusArg = facts.StatusArg

type SyntaxError = facts.SyntaxError

type TestPolicy = facts.TestPolicy

const TestsCheck = facts.TestsCheck

const TestsQuiet = facts.TestsQuiet

const Warning = facts.Warning

type Written = facts.Written

package analysis

import (
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/ruby"
)

func TestLexRuby(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`x = 404 # halt 500`, `id:x p:= num:404`},
		{`render json: x, status: :not_found`, `id:render id:json p:: id:x p:, id:status p:: sym::not_found`},
		{`{:status=>404, "a": :"b c"}`, `p:{ sym::status p:=> num:404 p:, str:"a" p:: sym::"b c" p:}`},
		{`"a #{b("}")} c" d`, `str:"a  id:b p:( str:"}" p:) str: c" id:d`},
		{`"#{"#{1}"}"`, `str:" str:" num:1 str:" str:"`},
		{`[%w[a [b] c], %i(x), %Q{#{y}}, z]`, `p:[ str:%w[a [b] c] p:, str:%i(x) p:, str:%Q{ id:y str:} p:, id:z p:]`},
		{`a = b / c / d`, `id:a p:= id:b p:/ id:c p:/ id:d`},
		{`split /,[/]/i, 2`, `id:split str:/,[/]/i p:, num:2`},
		{`if x =~ /4#{n}4/ then`, `id:if id:x p:= p:~ str:/4 id:n str:4/ id:then`},
		{"f(<<~A, <<-'B')\n  a 404\n  A\n b\n B\nc", `id:f p:( str:<<~A p:, str:<<-'B' p:) NL id:c`},
		{"x <<EOS\nbody\nEOS\ny", `id:x str:<<EOS NL id:y`},
		{"list << item\nlist <<item", `id:list p:<< id:item NL id:list p:<< id:item`},
		{"=begin\nhalt 404\n=end\nx", `id:x`},
		{"a ? b : c", `id:a p:? id:b p:: id:c`},
		{"c = ?a + ?\\n", `id:c p:= str:?a p:+ str:?\n`},
		{"x.empty? && y.save!", `id:x p:. id:empty? p:&& id:y p:. id:save!`},
		{"@a = $b + @@c + $?", `id:@a p:= id:$b p:+ id:@@c p:+ id:$?`},
		{"x = 1 % 2\ny = %(a)", `id:x p:= num:1 p:% num:2 NL id:y p:= str:%(a)`},
		{"items\n  .map { |i| i }\n  .first\nz", `id:items p:. id:map p:{ p:| id:i p:| id:i p:} p:. id:first NL id:z`},
		{"h = {\n a: 1,\n b: 2\n}\nz", `id:h p:= p:{ id:a p:: num:1 p:, id:b p:: num:2 p:} NL id:z`},
		{"x\n__END__\nhalt 404", `id:x NL`},
		{"Foo::Bar", `id:Foo p::: id:Bar`},
	} {
		if got := tokenDump([]byte(tc.src), ruby.LexRuby([]byte(tc.src))); got != tc.want {
			t.Errorf("lexRuby(%q)\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestRubyEndMarker: code after __END__ is data. (The annotated files
// cannot hold it: the benchmark repeats them, and the marker would end the
// code of every copy after the first.)
func TestRubyEndMarker(t *testing.T) {
	src := []byte("get '/' do\n  halt 404\nend\n__END__\nhalt 500\n")
	res := Analyze("app.rb", src, nil)
	if len(res.Occurrences) != 1 || res.Occurrences[0].Code != 404 {
		t.Fatalf("occurrences %+v, want the 404 before __END__ only", res.Occurrences)
	}
}

func TestCompleteRuby(t *testing.T) {
	runCompletionCases(t, "app.rb", []completionCase{
		{name: "status keyword", src: "render json: x, status: 4|", want: []string{"404=404"}},
		{name: "hash rocket", src: "render :status => |", want: []string{"200=200"}},
		{name: "head", src: "head |", want: []string{"204=204"}},
		{name: "halt", src: "halt 5|", want: []string{"503=503"}},
		{name: "symbols when the file writes them", src: "head :ok\nrender json: x, status: 40|", want: []string{"404=:not_found"}},
		{name: "halt takes numbers only", src: "head :ok\nhalt 40|", want: []string{"404=404"}},
		{name: "symbol names", src: "render json: x, status: :not_|", want: []string{"not_found=not_found"}},
		{name: "symbol names after head", src: "head :no|", want: []string{"no_content=no_content"}},
		{name: "no symbols for halt", src: "halt(:|", want: nil},
		{name: "a longer name", src: "overhead |", want: nil},
		{name: "not a context", src: "sleep 2|", want: nil},
		{name: "in a string", src: `x = "status: |"`, want: nil},
		{name: "in a comment", src: "# head |", want: nil},
	})
}

func TestRubyClaims(t *testing.T) {
	for path, want := range map[string]string{
		"app.rb": "ruby", "lib/tasks/db.rake": "ruby", "config.ru": "ruby", "Gemfile": "ruby",
		"sub/Rakefile": "ruby", "Gemfile.lock": "",
	} {
		if got := facts.LanguageOf(path); got != want {
			t.Errorf("Language(%q) = %q, want %q", path, got, want)
		}
	}
}

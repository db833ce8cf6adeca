# *_spec.rb is RSpec's test code: warnings and errors are quiet.
RSpec.describe "brewing" do
  it "answers 299 in the fixture" do
    get "/brew"
    expect(response).to have_http_status(299) # codes: 299/compare
  end
end

# httpcodes-test: tests=check (these expectations are those of test code checked like any other)
require "test_helper"

class UsersControllerTest < ActionDispatch::IntegrationTest
  test "show" do
    get user_url(users(:one))
    assert_response :success
    assert_response :missing # codes: 404/compare
    assert_response 404 # codes: 404/compare want "prefer-constant: write :not_found"
    assert_response :not_found # codes: 404/compare
    assert_equal 200, response.status # codes: 200/compare
    assert_equal(response.status, 201) # codes: 201/compare
    assert_equal 3, users.count
  end
end

RSpec.describe "Users", type: :request do
  it "creates" do
    post "/users", params: { user: { name: "x" } }
    expect(response).to have_http_status(:created) # codes: 201/compare
    expect(response).to have_http_status(201) # codes: 201/compare want "prefer-constant: write :created"
    expect(response).to have_http_status(:redirect)
    expect(response.status).to eq(201) # codes: 201/compare
    expect(response.status).not_to eq 500 # codes: 500/compare
    expect(last_response.status).to eq 777 # codes: 777/compare want "unknown-status: HTTP defines no 7xx class"
    status, headers, body = App.call({})
    expect(status).to eq(200) # codes: 200/compare
    expect(body.size).to eq(200)
    expect(response.status == 404).to be(true) # codes: 404/compare
    expect(200 != response.status).to be(true) # codes: 200/compare
    expect(response.status >= 400).to be(false) # codes: 400/range
    expect(response.status / 100).to eq(2)
  end
end

describe "interpolation" do
  it "reads the code inside #{}" do
    puts "was #{response.status == 404 ? "missing" : "there"} (status: 500)" # codes: 404/compare
  end
end

def describe(response)
  case response.status
  when 200, 204 then "ok" # codes: 200/compare 204/compare
  when 404 # codes: 404/compare
    case kind
    when 500 then "not a status"
    end
  else
    "other"
  end
  label = case last_response.status
          when 301..308 then "redirect" # codes: 301/range 308/range
          when 430 then "odd" # codes: 430/compare want "unknown-status"
          end
  case order.state
  when 500 then "not a status"
  end
end

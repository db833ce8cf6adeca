# The app sends its own challenge: a 401 here is not a finding.
class ApiController < ApplicationController
  before_action :authenticate

  def authenticate
    authenticate_or_request_with_http_token do |token, _options|
      token == ENV["TOKEN"]
    end
  end

  def expired
    head :unauthorized # codes: 401/send
  end

  def forbidden
    render json: { error: "unauthorized" }, status: :unauthorized # codes: 401/send
  end
end

get "/admin" do
  halt 401, { "WWW-Authenticate" => "Basic" }, "log in" # codes: 401/send
end

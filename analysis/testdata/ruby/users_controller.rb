# A Rails controller: statuses as symbols, and numbers where symbols fit.
class UsersController < ApplicationController
  def show
    @user = User.find_by(id: params[:id])
    if @user.nil?
      render json: { error: "missing" }, status: :not_found # codes: 404/send
      return
    end
    render json: @user, status: :ok # codes: 200/send
  end

  def create
    @user = User.new(user_params)
    if @user.save
      render json: @user, status: 201 # codes: 201/send want "prefer-constant: 201 is 201 Created; write :created"
    else
      render json: @user.errors, status: :unprocessable_entity # codes: 422/send want "deprecated-constant: :unprocessable_entity is deprecated by Rack since 3.1; write :unprocessable_content"
    end
  end

  def update
    head :no_content # codes: 204/send
  end

  def destroy
    head 204 and return if destroyed? # codes: 204/send want "prefer-constant: write :no_content"
    head(:accepted) # codes: 202/send
  end

  def legacy
    redirect_to root_path, status: :moved_permanently # codes: 301/send
    redirect_to(users_path, status: 303) # codes: 303/send want "prefer-constant: write :see_other"
  end

  def old
    redirect_back fallback_location: root_path, status: :found # codes: 302/send
  end

  def wrong
    redirect_to root_path, status: :ok # codes: 200/send want "redirect-status: redirect_to with 200 OK: a redirect needs a 3xx code"
    redirect_to root_path, status: 304 # codes: 304/send want "redirect-status: 304 Not Modified answers a conditional request" "prefer-constant: write :not_modified"
    head 299 # codes: 299/send want "unknown-status: head with 299"
    render json: {}, status: 2000 # codes: 2000/send want "invalid-status: render with 2000"
    render json: {}, status: :payload_too_large # codes: 413/send want "deprecated-constant: :payload_too_large is deprecated by Rack since 3.1; write :content_too_large"
    render json: {}, status: :use_proxy # codes: 305/send want "deprecated-status: 305 Use Proxy"
    head 499 # codes: 499/send want "nonstandard-status: nginx"
  end

  def plain
    render plain: "Forbidden", status: :not_found # codes: 404/send want "reason-mismatch: render sends 404 Not Found with the message \"Forbidden\", which is the reason phrase of 403 Forbidden"
    render :status => 410, :text => "Gone" # codes: 410/send want "prefer-constant: write :gone"
  end

  def multi
    respond_to do |format|
      format.html { redirect_to @user, status: :see_other } # codes: 303/send
      format.json { render json: @user,
                           status: :created } # codes: 201/send
    end
  end

  def index
    # Symbols outside a status context are not statuses.
    users = User.where(status: :accepted, role: :ok)
    render json: users.map { |u| u.slice(:id, :name) }
    respond_with users, status: 200 # codes: 200/send want "prefer-constant: write :ok"
  end
end

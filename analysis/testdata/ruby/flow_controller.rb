class ItemsController < ApplicationController
  include ActionController::Live

  def destroy
    @item.destroy
    render json: { deleted: @item.id }, status: :no_content # codes: 204/send want "bodiless-status: with 204 No Content sends a body"
  end

  def purge
    head :no_content # codes: 204/send
  end

  def archive
    render json: nil, status: :no_content # codes: 204/send
  end

  def secret
    head :unauthorized # codes: 401/send want "missing-header: head :unauthorized sends 401 Unauthorized without a WWW-Authenticate header"
  end

  def locked
    head :method_not_allowed # codes: 405/send want "missing-header: Allow"
  end

  def old
    head :moved_permanently, location: items_path # codes: 301/send
  end

  def older
    head :found # codes: 302/send want "missing-header: a 302 redirects nowhere without it; set Location first, or use redirect_to"
  end

  def moved
    redirect_to items_path, status: :moved_permanently # codes: 301/send
  end

  def broken
    render json: { error: "Not Found" }, status: :internal_server_error # codes: 500/send want "reason-mismatch: render sends 500 Internal Server Error with the message \"Not Found\", which is the reason phrase of 404 Not Found"
  end

  def fine
    render json: { error: "Not Found" }, status: :not_found # codes: 404/send
  end

  def invalid
    respond_with_navigational(resource.errors, status: :unprocessable_entity) { render :new } # codes: 422/send want "deprecated-constant: :unprocessable_entity"
  end

  def events
    response.headers["Content-Type"] = "text/event-stream"
    response.stream.write "data: hello\n\n"
    response.headers["X-Late"] = "1" # want "late-header: response.headers\\[\"X-Late\"\\] comes too late: the body was started by response.stream.write on line \\d+.*raises ActionDispatch::IllegalStateError"
  ensure
    response.stream.close
  end

  def maybe_events
    if params[:stream]
      response.stream.write "data: hello\n\n"
    end
    response.headers["X-Maybe"] = "1"
    response.stream.write "x" if params[:more]
    response.headers["X-Maybe-Too"] = "1"
  end

  def update
    @item.update(status: :accepted)
    Order.where(status: :processing).count
  end
end

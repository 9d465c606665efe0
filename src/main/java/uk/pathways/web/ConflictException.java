package uk.pathways.web;

/** The request conflicts with the state of the record (answered 409); nothing was changed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

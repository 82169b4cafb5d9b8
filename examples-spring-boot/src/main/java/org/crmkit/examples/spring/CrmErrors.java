package org.crmkit.examples.spring;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.RecordNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** crmkit's refusals as HTTP answers: an unknown record is 404, bad input 400, with crmkit's code and message. */
@RestControllerAdvice
class CrmErrors {

    record Problem(String code, String message) {}

    @ExceptionHandler(CrmException.class)
    ResponseEntity<Problem> refused(CrmException e) {
        HttpStatus status = e instanceof RecordNotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new Problem(e.errorCode().code(), e.getMessage()));
    }
}

/**
 * What the service connections to SMTP containers share: the known images and their
 * ports.
 */
@NullMarked
package dev.smtpclient.autoconfigure.service;

import org.jspecify.annotations.NullMarked;

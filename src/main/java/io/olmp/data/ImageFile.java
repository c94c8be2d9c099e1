package io.olmp.data;

import java.io.Serializable;

/** One image file of a folder split and its class: what an executor needs to read the image itself. */
public record ImageFile(String path, int label) implements Serializable {}

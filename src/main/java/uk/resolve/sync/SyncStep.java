/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.sync;

/** The steps of one sync, in order, named so that tests can interrupt it between any two. */
public enum SyncStep {
    /** The lease is held; nothing has been read yet. */
    LEASED,
    /** The shared file has been copied to this computer. */
    COPIED,
    /** Entries this computer lacked have been added to the local database. */
    PULLED,
    /** The local copy of the shared file now holds this computer's entries too. */
    MERGED,
    /** The merged copy has been reopened and checked to hold everything. */
    VERIFIED,
    /** The new version has been written beside the shared file under a temporary name. */
    WRITTEN,
    /** Only where the drive cannot rename atomically: the old version has been moved aside. */
    BETWEEN_RENAMES,
    /** The new version has replaced the shared file. */
    REPLACED,
    /** Segment sync: the segments this computer lacked have been read and merged here. */
    SEGMENTS_READ,
    /** Segment sync: one segment of this computer's new entries has been written beside the shared file. */
    SEGMENT_WRITTEN,
    /** Folding: the shared file now holds the folded segments; they are about to be removed. */
    FOLDED
}

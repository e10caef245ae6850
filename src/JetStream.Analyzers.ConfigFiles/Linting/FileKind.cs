using System;
using System.IO;
using System.Runtime.InteropServices;

namespace JetStream.Analyzers.ConfigFiles.Linting;

/// <summary>
/// What a path is once symlinks are followed. Opening a FIFO blocks until a writer appears and devices report a
/// length of 0 however much they yield, so only regular files may be read.
/// </summary>
internal static class FileKind
{
    /// <summary>"a FIFO (named pipe)", "a character device", …; null for a regular file or when the kind can't be told.</summary>
    public static string? NotRegular(string path)
    {
        if (Path.DirectorySeparatorChar == '\\')
        {
            return null;
        }

        try
        {
            // .NET's own native shim normalizes struct stat to FileStatus { int Flags; int Mode; ... } on every Unix;
            // the buffer is larger than the struct so later fields never matter.
            var status = new byte[512];
            if (SystemNativeStat(path, status) != 0)
            {
                return null;
            }

            return (BitConverter.ToInt32(status, 4) & 0xF000) switch
            {
                0x8000 => null,
                0x1000 => "a FIFO (named pipe)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                0x4000 => "a directory",
                _ => "not a regular file",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // Not running on .NET on Unix: reads stay bounded by the bytes actually read.
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SystemNativeStat(string path, byte[] status);
}
